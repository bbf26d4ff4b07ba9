package resultcache

import (
	"cmp"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
)

// Value adds a Go value to h: every field of every struct, exported or
// not and whatever its encoding tags say, strings as their bytes (invalid
// UTF-8 included), maps in key order, and nil told apart from empty. An
// encoding such as JSON would not do: it leaves out fields tagged "-",
// turns bad UTF-8 into U+FFFD (so two different texts would share a key)
// and cannot say how a value is typed. A function or channel cannot be
// hashed and is an error: the caller then leaves the cache alone.
func (h *Hasher) Value(v any) error {
	return h.value(reflect.ValueOf(v), 0)
}

// maxValueDepth stops a value that refers to itself.
const maxValueDepth = 64

func (h *Hasher) value(v reflect.Value, depth int) error {
	if depth > maxValueDepth {
		return fmt.Errorf("value nested deeper than %d", maxValueDepth)
	}
	if !v.IsValid() {
		h.String("invalid")
		return nil
	}
	h.String(v.Type().String())
	switch v.Kind() {
	case reflect.Bool:
		h.String(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.String(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		h.String(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		h.String(strconv.FormatUint(math.Float64bits(v.Float()), 16))
	case reflect.String:
		h.String(v.String())
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			h.String("nil")
			return nil
		}
		return h.value(v.Elem(), depth+1)
	case reflect.Slice:
		if v.IsNil() {
			h.String("nil")
			return nil
		}
		fallthrough
	case reflect.Array:
		h.String(strconv.Itoa(v.Len()))
		for i := range v.Len() {
			if err := h.value(v.Index(i), depth+1); err != nil {
				return err
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			h.String(v.Type().Field(i).Name)
			if err := h.value(v.Field(i), depth+1); err != nil {
				return err
			}
		}
	case reflect.Map:
		if v.IsNil() {
			h.String("nil")
			return nil
		}
		keys := v.MapKeys()
		h.String(strconv.Itoa(len(keys)))
		// Keys in the order of their own hashes, which any key type has.
		type keyed struct {
			sum Key
			key reflect.Value
		}
		sorted := make([]keyed, len(keys))
		for i, k := range keys {
			kh := NewHasher("key")
			if err := kh.value(k, depth+1); err != nil {
				return err
			}
			sorted[i] = keyed{kh.Sum(), k}
		}
		slices.SortFunc(sorted, func(a, b keyed) int { return cmp.Compare(string(a.sum[:]), string(b.sum[:])) })
		for _, k := range sorted {
			h.Key(k.sum)
			if err := h.value(v.MapIndex(k.key), depth+1); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("cannot hash a %s", v.Type())
	}
	return nil
}
