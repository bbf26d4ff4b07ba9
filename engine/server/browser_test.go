package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// browserPath finds a Chromium or Chrome to drive; .ci/run installs
// Debian's chromium where none is.
func browserPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// shoot saves a screenshot into $CREDCHECK_SCREENSHOTS, for a person to
// look at. Without it, no screenshot is taken: rendering and encoding four
// full pages was a third of the browser's work in this test, for files no
// one kept.
func shoot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("CREDCHECK_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// contrastJS lists the visible text whose colour is less than 4.5:1
// against the background it is drawn on (WCAG 2 relative luminance).
const contrastJS = `(() => {
  const rgb = s => (s.match(/[\d.]+/g) || []).map(Number);
  const lum = c => { const v = c.slice(0, 3).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); }); return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const bg = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor); if (c.length === 3 || c[3] > 0) return c; } return [255, 255, 255]; };
  const bad = [];
  document.querySelectorAll("h1, h2, h3, p, li, label, summary, mark, a, td, th, code, .badge, .swatch, .sevword, .result, .small, .meta, .hint, button, .legend span").forEach(el => {
    if (!el.offsetParent && el.tagName !== "BODY") return;
    const a = lum(rgb(getComputedStyle(el).color)), b = lum(bg(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) bad.push(el.tagName.toLowerCase() + "." + el.className + " " + ratio.toFixed(2) + ": " + el.textContent.trim().slice(0, 30));
  });
  return bad.slice(0, 10);
})()`

// TestScorecardInABrowser drives the web scorecard in headless Chromium
// as an editor would: paste an article, read its highlights and score,
// open explanations by mouse and keyboard, and check a story. One
// browser serves every step.
func TestScorecardInABrowser(t *testing.T) {
	t.Parallel()
	path := browserPath()
	if path == "" {
		t.Skip("no Chromium or Chrome on PATH (chromium, chromium-browser, google-chrome): the browser tests of the web scorecard are skipped; .ci/run installs Debian's chromium")
	}
	_, ts := newTestServer(t, Options{})
	// One process for browser, renderer and compositor: the page, its
	// scripts and styles behave as in a multi-process browser, and the test
	// costs half the CPU (4.4 against 6.9 CPU-seconds, measured with perf
	// on two cores), most of it starting and joining the other processes.
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.WindowSize(1280, 900), chromedp.Flag("single-process", true))
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses to run as root with its sandbox
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("Chromium at %s does not start: %v", path, err)
	}
	article := testdata(t, "harbour-scoop.md")
	api := do(t, http.MethodPost, ts.URL+"/v1/check", "application/json", articleJSON(t, map[string]string{"text": article}))
	var rep struct {
		Articles []struct {
			Score    int               `json:"score"`
			Findings []json.RawMessage `json:"findings"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(api.body), &rep); err != nil || len(rep.Articles) != 1 {
		t.Fatalf("api: %v", err)
	}

	t.Run("paste", func(t *testing.T) {
		err := chromedp.Do(ctx,
			chromedp.Navigate(ts.URL+"/"),
			chromedp.WaitVisible(chromedp.ID("text")),
			chromedp.SetValue(chromedp.ID("text"), article),
			chromedp.SendKeys(chromedp.ID("outlet"), "Harbour Ledger"),
			chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(".article .text mark")),
		)
		if err != nil {
			t.Fatal(err)
		}
		score := run(t, ctx, chromedp.Text(chromedp.CSS(".score .big")))
		marks := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll(".article .text mark").length`))
		explained := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll(".article li.finding").length`))
		shoot(t, ctx, "1-pasted")
		if score != strconv.Itoa(rep.Articles[0].Score) {
			t.Errorf("the page shows score %q, the API gives %d", score, rep.Articles[0].Score)
		}
		if explained != len(rep.Articles[0].Findings) || marks < explained/2 {
			t.Errorf("%d marks and %d explanations for %d findings", marks, explained, len(rep.Articles[0].Findings))
		}
		if bad := run(t, ctx, chromedp.Evaluate[[]string](contrastJS)); len(bad) > 0 {
			t.Errorf("text under 4.5:1 contrast:\n%s", strings.Join(bad, "\n"))
		}
	})

	// openState tells whether a finding's explanation is open and whether
	// the focus is on it.
	openState := func(id string) (open, focused bool) {
		t.Helper()
		js := fmt.Sprintf(`(() => { const li = document.getElementById(%q); return [li.querySelector("details").open, document.activeElement === li]; })()`, id)
		state := run(t, ctx, chromedp.Evaluate[[]bool](js))
		return state[0], state[1]
	}

	t.Run("click", func(t *testing.T) {
		id := run(t, ctx, chromedp.AttributeValue(chromedp.CSS(".article .text mark.sev-error"), "data-f")).Value
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".article .text mark.sev-error"))); err != nil {
			t.Fatal(err)
		}
		if open, focused := openState(id); !open || !focused {
			t.Errorf("clicking the mark of %s: open %v, focused %v", id, open, focused)
		}
		why := run(t, ctx, chromedp.Text(chromedp.CSS("#"+id+" .body")))
		if !strings.Contains(why, "Hearsay hedge") || !strings.Contains(why, "credcheck-disable-next-line") || !strings.Contains(why, `"fingerprint"`) {
			t.Errorf("the explanation lacks the rule, the comment or the baseline entry:\n%s", why)
		}
		shoot(t, ctx, "2-clicked")
	})

	t.Run("keyboard", func(t *testing.T) {
		// The last badge: Tab reaches it as a link; Enter opens its finding
		// and moves the focus there; Tab then reaches its summary, and Enter
		// closes it again.
		id := run(t, ctx, chromedp.Evaluate[string](`(() => { const b = [...document.querySelectorAll(".article .text a.badge")].pop(); b.focus(); return b.getAttribute("href").slice(1); })()`))
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
			t.Fatal(err)
		}
		if open, focused := openState(id); !open || !focused {
			t.Fatalf("Enter on the badge of %s: open %v, focused %v", id, open, focused)
		}
		shoot(t, ctx, "3-keyboard")
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Enter)); err != nil {
			t.Fatal(err)
		}
		if open, _ := openState(id); open {
			t.Errorf("Enter on the open summary of %s left it open", id)
		}
	})

	t.Run("story", func(t *testing.T) {
		files := []string{}
		for _, name := range []string{"story-ledger.md", "story-courier.md"} {
			p, err := filepath.Abs(filepath.Join("testdata", "ui", name))
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, p)
		}
		err := chromedp.Do(ctx,
			chromedp.Navigate(ts.URL+"/"),
			chromedp.WaitVisible(chromedp.ID("files")),
			chromedp.SetUploadFiles(chromedp.ID("files"), files),
			chromedp.Click(chromedp.ID("story")),
			chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.ID("stories-h")),
		)
		if err != nil {
			t.Fatal(err)
		}
		stories := run(t, ctx, chromedp.Text(chromedp.CSS(".stories")))
		articles := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("article.article").length`))
		shoot(t, ctx, "4-story")
		if articles != 2 || !strings.Contains(stories, "Story ardmore-cranes (2 articles)") || !strings.Contains(stories, "Corroboration:") {
			t.Errorf("%d articles; story section:\n%s", articles, stories)
		}
	})
}

// run runs one browser action and gives its value, failing the test on
// an error.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
