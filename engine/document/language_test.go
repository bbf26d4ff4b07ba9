package document

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/credcheck/credcheck/engine/article"
)

func readTestArticle(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile("../../fixtures/testdata/language/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

func TestDetectLanguage(t *testing.T) {
	for _, tc := range []struct {
		name         string
		format       article.Format
		text         string
		code, source string
	}{
		{"german rumour", article.Markdown, readTestArticle(t, "de-rumour.md"), "de", LanguageDetected},
		{"chinese rumour", article.Text, readTestArticle(t, "zh-rumour.txt"), "zh", LanguageDetected},
		{"english quoting german names and a german sentence", article.Text, readTestArticle(t, "en-foreign-quotes.txt"), "en", LanguageDetected},
		{"japanese with kanji and kana", article.Text,
			"市長の辞任のうわさが広がっている。関係者によると、市役所では数週間前から重要な書類がなくなっているという。市はまだ正式なコメントを出していない。議員の一部はこの件を前から知っていたとも言われている。",
			"ja", LanguageDetected},
		{"russian", article.Text,
			"По слухам, мэр города готовится уйти в отставку. Источники утверждают, что из архива пропали важные документы. Официального подтверждения пока нет.",
			"ru", LanguageDetected},
		{"french", article.Text,
			"Selon des sources proches du dossier, le maire de la ville serait sur le point de démissionner. Des documents importants auraient disparu des archives municipales depuis plusieurs semaines. La mairie n'a pas souhaité répondre à nos questions, et aucune confirmation officielle n'a été donnée pour le moment.",
			"fr", LanguageDetected},
		// A couple of sentences are too few to trust trigrams on.
		{"short german", article.Text, "Der Bürgermeister soll zurücktreten, heißt es im Rathaus. Eine Bestätigung gibt es nicht.", "en", LanguageAssumed},
		{"short english", article.Text, "The mayor will resign, sources say. The council declined to comment.", "en", LanguageAssumed},
		{"one chinese sentence", article.Text, "据说市长要辞职了。", "en", LanguageAssumed},
		{"english with a chinese name", article.Text,
			"Officials in Hangzhou (杭州) said on Monday that the factory would reopen next week. The plant's manager, Li Wei, told reporters that inspections had found no fault with the cooling system. A written statement from the city was published the same afternoon, and the company's shares rose 3% in Shanghai. Workers who had been sent home in May were told to return on the first day of the month.",
			"en", LanguageDetected},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := build(t, tc.format, tc.text)
			if d.Language.Code != tc.code || d.Language.Source != tc.source {
				t.Errorf("language = %+v, want code %s from %s", d.Language, tc.code, tc.source)
			}
			if d.Language.Name == "" {
				t.Errorf("language %+v has no name", d.Language)
			}
		})
	}
}

func TestDetectLanguageNames(t *testing.T) {
	d := build(t, article.Text, readTestArticle(t, "zh-rumour.txt"))
	if d.Language.Name != "Chinese" {
		t.Errorf("name = %q, want Chinese (not whatlanggo's Mandarin)", d.Language.Name)
	}
	d = build(t, article.Markdown, readTestArticle(t, "de-rumour.md"))
	if d.Language.Name != "German" {
		t.Errorf("name = %q, want German", d.Language.Name)
	}
}

// Past about 3 KB whatlanggo's confidence turns negative; the sample bound
// keeps a long English article English.
func TestDetectLanguageLongText(t *testing.T) {
	para := "The council published the audit on Thursday, and the mayor's office said every figure in it had been checked twice by the city's own accountants before release. "
	d := build(t, article.Text, strings.Repeat(para, 200))
	if !d.Language.English() || d.Language.Source != LanguageDetected {
		t.Errorf("language = %+v, want English, detected", d.Language)
	}
}

func TestClipBytes(t *testing.T) {
	if got := clipBytes("aé", 2); got != "a" {
		t.Errorf("clipBytes cut inside a character: %q", got)
	}
	if got := clipBytes("abc", 5); got != "abc" {
		t.Errorf("clipBytes(abc, 5) = %q", got)
	}
}

func BenchmarkDetectLanguage(b *testing.B) {
	para := "The council published the audit on Thursday, and the mayor's office said every figure in it had been checked twice by the city's own accountants before release. "
	d := build(b, article.Text, strings.Repeat(para, 40))
	b.ReportAllocs()
	for b.Loop() {
		detectLanguage(d.Sentences)
	}
}

func TestPlainlyEnglishFastPath(t *testing.T) {
	cases := map[string]bool{
		"The harbour board said on Monday that the fees, which were set in May, would rise with the cost of fuel.":   true,
		"Der Hafenrat sagte am Montag, dass die Gebühren, die im Mai festgelegt wurden, mit den Kosten steigen.":     false,
		"Le conseil du port a dit lundi que les frais, fixés en mai, augmenteraient avec le coût du carburant.":      false,
		"El consejo del puerto dijo el lunes que las tasas, fijadas en mayo, subirían con el coste del combustible.": false,
	}
	for text, want := range cases {
		if got := plainlyEnglish(text); got != want {
			t.Errorf("plainlyEnglish(%q) = %v, want %v", text, got, want)
		}
	}
}

// plainlyEnglishReference is the fast path as first written, collecting the
// words; plainlyEnglish reads them in place and must agree.
func plainlyEnglishReference(text string) bool {
	words, hits := 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		words++
		if englishWords[strings.ToLower(w)] {
			hits++
		}
	}
	return words > 0 && float64(hits) >= minEnglishShare*float64(words)
}

func TestPlainlyEnglishReadsWordsInPlace(t *testing.T) {
	for w := range englishWords {
		if strings.ContainsAny(w, "kK") {
			t.Fatalf("%q holds a k, which the Kelvin sign lowers to; englishWord would miss it", w)
		}
	}
	pieces := []string{"the", "The", "THE", "and", " ", "'", "x", "día", "ﬁ", "K", "\u212A", "that's", ",", "\xff", "wITh", "der", "İ"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(20) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		if got, want := plainlyEnglish(b.String()), plainlyEnglishReference(b.String()); got != want {
			t.Fatalf("plainlyEnglish(%q) = %v, want %v", b.String(), got, want)
		}
	}
}
