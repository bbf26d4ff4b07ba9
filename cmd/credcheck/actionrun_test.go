package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// actionFile is the part of action.yml a runner reads.
type actionFile struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	Name  string            `yaml:"name"`
	ID    string            `yaml:"id"`
	If    string            `yaml:"if"`
	Uses  string            `yaml:"uses"`
	Shell string            `yaml:"shell"`
	Run   string            `yaml:"run"`
	Env   map[string]string `yaml:"env"`
	With  map[string]string `yaml:"with"`
}

// actionRun runs the composite action the way the GitHub runner does, as
// far as this action needs: inputs with their defaults, the step's if
// (implicitly after success() unless it calls always()), expressions in env
// and with, each run step in bash -eo pipefail with GITHUB_OUTPUT read back
// into steps.<id>.outputs. Steps that use another action are recorded with
// their inputs, not run.
type actionRun struct {
	t         *testing.T
	root      string // the action's checkout (github.action_path)
	workspace string
	temp      string // RUNNER_TEMP
	inputs    map[string]string
	event     map[string]any
	eventName string
	env       []string

	steps   map[string]map[string]string
	ran     []string                     // the names (or uses) of the steps that ran
	uses    map[string]map[string]string // the with of each action that would run
	log     strings.Builder
	failed  bool
	summary string // GITHUB_STEP_SUMMARY
	outputs map[string]string
}

func newActionRun(t *testing.T, workspace string, inputs map[string]string, eventName string, event map[string]any) *actionRun {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	temp := t.TempDir()
	return &actionRun{t: t, root: root, workspace: workspace, temp: temp, inputs: inputs, event: event, eventName: eventName,
		steps: map[string]map[string]string{}, uses: map[string]map[string]string{}, summary: filepath.Join(temp, "step-summary.md")}
}

func (a *actionRun) run() {
	t := a.t
	t.Helper()
	var action actionFile
	if err := yaml.Unmarshal([]byte(readFile(t, filepath.Join(a.root, "action.yml"))), &action); err != nil {
		t.Fatal(err)
	}
	if action.Runs.Using != "composite" {
		t.Fatalf("action runs %q, want composite", action.Runs.Using)
	}
	for name := range a.inputs {
		if _, ok := action.Inputs[name]; !ok {
			t.Fatalf("action.yml has no input %q", name)
		}
	}
	for name, in := range action.Inputs {
		if _, ok := a.inputs[name]; !ok {
			a.inputs[name] = in.Default
		}
	}
	eventPath := filepath.Join(a.temp, "event.json")
	payload, _ := json.Marshal(a.event)
	write(t, eventPath, string(payload))
	for i, step := range action.Runs.Steps {
		cond := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(step.If), "${{"), "}}"))
		if a.failed && !strings.Contains(cond, "always()") || cond != "" && !a.cond(cond) {
			continue
		}
		name := step.Name
		if name == "" {
			name = step.Uses
		}
		a.ran = append(a.ran, name)
		if step.Uses != "" {
			with := map[string]string{}
			for k, v := range step.With {
				with[k] = a.expand(v)
			}
			a.uses[strings.Split(step.Uses, "@")[0]] = with
			continue
		}
		if step.Shell != "bash" {
			t.Fatalf("step %q runs in %q; the runner's default differs by OS, so say bash", name, step.Shell)
		}
		out := filepath.Join(a.temp, fmt.Sprintf("output-%d", i))
		write(t, out, "")
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step.Run)
		cmd.Dir = a.workspace
		cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME"), "GITHUB_ACTIONS=true", "CI=true",
			"GITHUB_ACTION_PATH=" + a.root, "GITHUB_WORKSPACE=" + a.workspace, "RUNNER_TEMP=" + a.temp,
			"RUNNER_OS=" + runnerOS(), "RUNNER_ARCH=" + runnerArch(), "GITHUB_OUTPUT=" + out, "GITHUB_STEP_SUMMARY=" + a.summary,
			"GITHUB_EVENT_PATH=" + eventPath, "GITHUB_EVENT_NAME=" + a.eventName, "GITHUB_ACTOR=newsroom-editor", "NO_COLOR=1"}, a.env...)
		for k, v := range step.Env {
			cmd.Env = append(cmd.Env, k+"="+a.expand(v))
		}
		var buf bytes.Buffer
		cmd.Stdout, cmd.Stderr = &buf, &buf
		if err := cmd.Run(); err != nil {
			a.failed = true
			fmt.Fprintf(&buf, "[step %q failed: %v]\n", name, err)
		}
		a.log.Write(buf.Bytes())
		if step.ID != "" {
			a.steps[step.ID] = readOutputs(t, out)
		}
	}
	a.outputs = map[string]string{}
	for name, o := range action.Outputs {
		a.outputs[name] = a.expand(o.Value)
	}
}

// readOutputs reads a GITHUB_OUTPUT file of name=value lines.
func readOutputs(t *testing.T, path string) map[string]string {
	t.Helper()
	out := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(readFile(t, path)))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "=")
		if !ok {
			t.Fatalf("GITHUB_OUTPUT line %q is not name=value", sc.Text())
		}
		out[k] = v
	}
	return out
}

var actionExpr = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// expand replaces each ${{ expression }} of a value.
func (a *actionRun) expand(s string) string {
	return actionExpr.ReplaceAllStringFunc(s, func(m string) string {
		return a.value(actionExpr.FindStringSubmatch(m)[1])
	})
}

// cond evaluates the conditions this action uses: terms joined by &&, each
// always(), a comparison of two values or a value that must not be empty.
func (a *actionRun) cond(expr string) bool {
	for _, term := range strings.Split(expr, "&&") {
		term = strings.TrimSpace(term)
		var ok bool
		switch {
		case term == "always()":
			ok = true
		case strings.Contains(term, "=="):
			l, r, _ := strings.Cut(term, "==")
			ok = a.value(l) == a.value(r)
		case strings.Contains(term, "!="):
			l, r, _ := strings.Cut(term, "!=")
			ok = a.value(l) != a.value(r)
		default:
			ok = a.value(term) != ""
		}
		if !ok {
			return false
		}
	}
	return true
}

func (a *actionRun) value(ref string) string {
	ref = strings.TrimSpace(ref)
	parts := strings.Split(ref, ".")
	switch {
	case strings.HasPrefix(ref, "'") && strings.HasSuffix(ref, "'"):
		return ref[1 : len(ref)-1]
	case parts[0] == "inputs" && len(parts) == 2:
		return a.inputs[parts[1]]
	case parts[0] == "steps" && len(parts) == 4 && parts[2] == "outputs":
		return a.steps[parts[1]][parts[3]]
	case ref == "github.action_path":
		return a.root
	case len(parts) > 2 && parts[0] == "github" && parts[1] == "event":
		var v any = a.event
		for _, p := range parts[2:] {
			m, _ := v.(map[string]any)
			v = m[p]
		}
		if v == nil {
			return ""
		}
		return fmt.Sprint(v)
	}
	a.t.Fatalf("action.yml uses an expression this runner does not know: %s", ref)
	return ""
}

func runnerOS() string {
	switch runtime.GOOS {
	case "darwin":
		return "macOS"
	case "windows":
		return "Windows"
	default:
		return "Linux"
	}
}

func runnerArch() string {
	if runtime.GOARCH == "arm64" {
		return "ARM64"
	}
	return "X64"
}
