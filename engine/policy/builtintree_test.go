package policy

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestBuiltInCopiesShareNothing compiles two loads of copies of the kept
// built-in tree and walks the compiled modules: no term, rule, module or
// any other node may be reachable from both, or from a compiled copy and
// the kept tree, since the compiler rewrites what it reaches in place and
// loads run side by side. Locations are left out: nothing writes them
// after parsing. Without the else-branch repair in builtInTree, an
// else-branch of a built-in rule leads every copy back to the kept module.
func TestBuiltInCopiesShareNothing(t *testing.T) {
	t.Parallel()
	var sets []*Set
	for i := range 3 {
		// Loads with user modules of their own are compiled afresh (the
		// same modules would share one compiler); the first load of a
		// process may parse for itself, the later ones copy.
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "own.rego"), fmt.Appendf(nil, "package house.copy%d\n\nn := %d\n", i, i), 0o644); err != nil {
			t.Fatal(err)
		}
		set, err := load(t.Context(), Options{Dirs: []string{dir}})
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, set)
	}
	kept, err := builtInTrees[0]()
	if err != nil {
		t.Fatal(err)
	}
	owner := map[uintptr]string{}
	for name, f := range kept.Modules {
		nodePointers(reflect.ValueOf(f.Parsed), map[uintptr]bool{}, func(p uintptr) { owner[p] = "kept " + name })
	}
	for i, set := range sets[1:] {
		shared := 0
		seen := map[uintptr]bool{}
		for name, m := range set.Compiler.Modules {
			nodePointers(reflect.ValueOf(m), seen, func(p uintptr) {
				if o, ok := owner[p]; ok {
					if shared++; shared <= 5 {
						t.Errorf("copy %d, %s shares a node with %s", i+1, name, o)
					}
					return
				}
				owner[p] = "compiled copy " + name
			})
		}
	}
	if len(owner) < 10000 {
		t.Fatalf("walked %d nodes; the walk no longer reaches the modules' terms", len(owner))
	}
}

// nodePointers calls visit with every pointer reachable from v, once,
// except those of locations.
func nodePointers(v reflect.Value, seen map[uintptr]bool, visit func(uintptr)) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || v.Type() == reflect.TypeFor[*ast.Location]() || seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		visit(v.Pointer())
		nodePointers(v.Elem(), seen, visit)
	case reflect.Interface:
		if !v.IsNil() {
			nodePointers(v.Elem(), seen, visit)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			nodePointers(v.Field(i), seen, visit)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			nodePointers(v.Index(i), seen, visit)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			nodePointers(it.Key(), seen, visit)
			nodePointers(it.Value(), seen, visit)
		}
	}
}
