package accuracy

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/safefile"
)

// runExtraction scores the main text extracted from each page of a
// directory in the layout of the scrapinghub article-extraction benchmark
// (html/KEY.html.gz and ground-truth.json) with that benchmark's method, so
// the figures compare with the ones published for it. Pages that fail to
// extract score as an empty body rather than being left out.
func runExtraction(dirs []string, opts Options) (*Result, []*article.InputError) {
	r := &Result{}
	var errs []*article.InputError
	var precisions, recalls []float64
	for _, dir := range dirs {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			reason := "not a directory: the extraction task reads a directory holding html/ and ground-truth.json"
			if err != nil {
				reason = safefile.Reason(err)
			}
			errs = append(errs, &article.InputError{Path: dir, Reason: reason})
			continue
		}
		truthPath := filepath.Join(dir, "ground-truth.json")
		data, err := safefile.ReadFile(truthPath, 64<<20)
		if err != nil {
			errs = append(errs, &article.InputError{Path: truthPath, Reason: safefile.Reason(err)})
			continue
		}
		var truth map[string]struct {
			ArticleBody string `json:"articleBody"`
		}
		if err := json.Unmarshal(data, &truth); err != nil {
			errs = append(errs, &article.InputError{Path: truthPath, Reason: "invalid JSON: " + err.Error()})
			continue
		}
		keys := slices.Sorted(func(yield func(string) bool) {
			for k := range truth {
				if !yield(k) {
					return
				}
			}
		})
		for _, key := range keys {
			page := filepath.Join(dir, "html", key+".html.gz")
			if _, err := os.Stat(page); err != nil {
				errs = append(errs, &article.InputError{Path: page, Reason: safefile.Reason(err)})
				continue
			}
			// A page nothing is extracted from scores as an empty body.
			body := ""
			if as, _ := article.ReadFile(page, article.HTML, opts.MaxBytes); len(as) == 1 {
				body = as[0].Page.Body
			}
			if opts.Predictions != nil {
				opts.Predictions[key] = body
			}
			tp, fp, fn := shingleMatch(truth[key].ArticleBody, body)
			if tp+fp > 0 {
				precisions = append(precisions, score(tp, fp, fn, fp))
			}
			if tp+fn > 0 {
				recalls = append(recalls, score(tp, fp, fn, fn))
			}
			r.Records++
		}
	}
	p, rec := mean(precisions), mean(recalls)
	r.metric("f1", round4(f1(p, rec)), "whole benchmark: go-readability 0.934, Readability.js 0.947, trafilatura 0.958, go-trafilatura 0.960, rs-trafilatura 0.970")
	r.metric("precision", round4(p), "")
	r.metric("recall", round4(rec), "")
	r.Notes = append(r.Notes, "word 4-gram shingles per page, normalised, precision and recall averaged over pages (the benchmark's evaluate.py)")
	return r, errs
}

// score is the benchmark's precision (miss = fp) or recall (miss = fn) of
// one page: perfect when nothing was wrong, nil when nothing was right.
func score(tp, fp, fn, miss float64) float64 {
	switch {
	case fp == 0 && fn == 0:
		return 1
	case tp == 0 && miss == 0:
		return 0
	}
	return tp / (tp + miss)
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// wordToken is Python's Unicode \w+, as the benchmark tokenises.
var wordToken = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// shingleMatch counts the 4-word shingles two texts share and differ in,
// normalised to sum to 1 so that long pages weigh no more than short ones.
func shingleMatch(truth, pred string) (tp, fp, fn float64) {
	t, p := shingles(truth), shingles(pred)
	for k, tc := range t {
		pc := p[k]
		tp += float64(min(tc, pc))
		fn += float64(max(0, tc-pc))
	}
	for k, pc := range p {
		fp += float64(max(0, pc-t[k]))
	}
	if s := tp + fp + fn; s > 0 {
		tp, fp, fn = tp/s, fp/s, fn/s
	}
	return tp, fp, fn
}

func shingles(text string) map[[4]string]int {
	toks := wordToken.FindAllString(text, -1)
	out := map[[4]string]int{}
	for i := 0; i < max(1, len(toks)-3); i++ {
		var k [4]string
		n := copy(k[:], toks[i:min(i+4, len(toks))])
		if n > 0 {
			out[k]++
		}
	}
	return out
}

// WritePredictions saves the extracted bodies in the benchmark's output
// format, {key: {"articleBody": text}}, so that its own scorer can check
// the figures eval reports. Keys come out sorted: the same run, the same
// bytes.
func WritePredictions(path string, bodies map[string]string) error {
	out := make(map[string]map[string]string, len(bodies))
	for k, v := range bodies {
		out[k] = map[string]string{"articleBody": v}
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	return safefile.WriteFile(path, append(data, '\n'), 0o644)
}
