package document

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// Language is the language an article reads as.
type Language struct {
	// Code is the ISO 639-1 code ("en", "de", "zh"), the ISO 639-3 code
	// of a language that has none, or "und" when the text is in a script
	// the detector does not know.
	Code string
	// Name is the language's English name.
	Name string
	// Source says how the language was decided: LanguageDetected,
	// LanguageAssumed or LanguageConfigured.
	Source string
}

// How a document's language was decided.
const (
	// LanguageDetected: the detector was confident on enough text.
	LanguageDetected = "detected"
	// LanguageAssumed: too little text, or the detector was unsure, so
	// the article is taken to be English, as the catalog is.
	LanguageAssumed = "assumed"
	// LanguageConfigured: the configuration (--language) named it.
	LanguageConfigured = "configured"
)

// English reports whether the article reads as English.
func (l Language) English() bool { return l.Code == "en" }

const (
	// languageSample bounds the prose the detector reads. whatlanggo ranks
	// the text's trigrams against 300-trigram profiles, and past about
	// 3 KB the ranks outgrow the profiles and its confidence turns
	// negative; 1 KB of prose (some 170 words) tells languages apart, and
	// the cost of counting trigrams grows with it.
	languageSample = 1024
	// minLatinLetters is how much Latin-script text trigrams need before
	// they are trusted: a sentence or two of English can read as Romanian
	// or French to them, 250 letters (about 50 words) no longer does.
	minLatinLetters = 250
	// minScriptLetters: a text mostly written in another script (Han,
	// Cyrillic, Arabic…) is not English once it holds a sentence or two.
	minScriptLetters = 50
	// minConfidence is whatlanggo's confidence (0–1) a Latin-script
	// verdict needs; its own "reliable" threshold is 0.8.
	minConfidence = 0.9
	// minKanaShare: Japanese writes many words in Han characters, so a
	// Han text counts as Japanese when this share of its letters is kana.
	minKanaShare = 0.1
)

// latinCandidates are the Latin-script languages a text is weighed
// against: the languages of most of the world's Latin-script press. Each
// candidate costs 300 trigram lookups per article, so the list keeps to
// these rather than all 48 whatlanggo knows; a text in a language left
// out reads as its nearest candidate or, unsure, as English, as it did
// before languages were detected at all.
var latinCandidates = whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{
	whatlanggo.Eng: true, whatlanggo.Deu: true, whatlanggo.Fra: true, whatlanggo.Spa: true, whatlanggo.Por: true,
	whatlanggo.Ita: true, whatlanggo.Nld: true, whatlanggo.Pol: true, whatlanggo.Swe: true, whatlanggo.Dan: true,
	whatlanggo.Nob: true, whatlanggo.Fin: true, whatlanggo.Ces: true, whatlanggo.Ron: true, whatlanggo.Hun: true,
	whatlanggo.Tur: true, whatlanggo.Ind: true, whatlanggo.Vie: true, whatlanggo.Hrv: true, whatlanggo.Tgl: true,
	whatlanggo.Afr: true,
}}

// names replaces whatlanggo's name where the common English one differs.
var names = map[whatlanggo.Lang]string{whatlanggo.Cmn: "Chinese"}

// detectLanguage reads the first languageSample bytes of the sentences'
// text (headline and quotes included) and says which language they are in.
// It declares a language other than English only on enough text and with
// confidence; otherwise it assumes English.
func detectLanguage(sentences []Sentence) Language {
	english := Language{Code: "en", Name: "English", Source: LanguageAssumed}
	var b strings.Builder
	for _, s := range sentences {
		if b.Len() >= languageSample {
			break
		}
		b.WriteString(s.Text)
		b.WriteByte('\n')
	}
	text := clipBytes(b.String(), languageSample)
	letters, latin, kana := 0, 0, 0
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.Is(unicode.Latin, r) {
			latin++
		} else if unicode.In(r, unicode.Hiragana, unicode.Katakana) {
			kana++
		}
	}
	other := letters - latin
	if other > latin {
		if other < minScriptLetters {
			return english
		}
		// The script alone says the text is not English; the detector
		// only names the language.
		info := whatlanggo.Detect(text)
		lang := info.Lang
		if lang == whatlanggo.Cmn && float64(kana) >= minKanaShare*float64(other) {
			lang = whatlanggo.Jpn
		}
		if lang < 0 || lang == whatlanggo.Eng {
			return Language{Code: "und", Name: "a language other than English", Source: LanguageDetected}
		}
		return named(lang)
	}
	if latin < minLatinLetters {
		return english
	}
	if plainlyEnglish(text) {
		english.Source = LanguageDetected
		return english
	}
	info := whatlanggo.DetectWithOptions(text, latinCandidates)
	if info.Confidence < minConfidence || info.Confidence > 1 || info.Lang < 0 {
		return english
	}
	if info.Lang == whatlanggo.Eng {
		english.Source = LanguageDetected
		return english
	}
	return named(info.Lang)
}

// englishWords are common English words that no other major Latin-script
// press language writes as words of its own ("was", "of", "for", "in" and
// "on" are left out: German, Dutch, Scandinavian and French have them).
var englishWords = map[string]bool{
	"the": true, "and": true, "that": true, "with": true, "from": true, "which": true, "were": true,
	"this": true, "their": true, "said": true, "have": true, "has": true, "are": true, "would": true,
}

// minEnglishShare is the share of a sample's words that englishWords must
// make up for the text to be English without asking the detector: English
// prose runs at about 15%, other languages near 0.
const minEnglishShare = 0.08

// plainlyEnglish is a fast path: counting a few function words costs a
// fraction of weighing the sample's trigrams against 21 languages, and it
// settles the common case.
func plainlyEnglish(text string) bool {
	// Words are runs of letters and apostrophes, as strings.FieldsFunc would
	// cut them, read in place rather than collected.
	words, hits, start, ascii := 0, 0, -1, true
	end := func(i int) {
		words++
		if ascii && englishWord(text[start:i]) {
			hits++
		}
		start = -1
	}
	for i, r := range text {
		if !isLetter(r) && r != '\'' {
			if start >= 0 {
				end(i)
			}
			continue
		}
		if start < 0 {
			start, ascii = i, true
		}
		if r >= utf8.RuneSelf {
			ascii = false
		}
	}
	if start >= 0 {
		end(len(text))
	}
	return words > 0 && float64(hits) >= minEnglishShare*float64(words)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

// englishWord reports whether the ASCII word w is one of englishWords in any
// case. No other word lowers to one of them: the only non-ASCII letter whose
// lower case is ASCII is the Kelvin sign, and no listed word has a k.
func englishWord(w string) bool {
	var buf [8]byte
	if len(w) > len(buf) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return englishWords[string(buf[:len(w)])]
}

func named(lang whatlanggo.Lang) Language {
	code := lang.Iso6391()
	if code == "" {
		code = lang.Iso6393()
	}
	name, ok := names[lang]
	if !ok {
		name = lang.String()
	}
	return Language{Code: code, Name: name, Source: LanguageDetected}
}

// clipBytes cuts s to at most n bytes, at a character boundary.
func clipBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
