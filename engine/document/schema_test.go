package document

import (
	"encoding/json"
	"flag"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/invopop/jsonschema"

	"github.com/credcheck/credcheck/engine/internal/golden"
)

var updateSchema = flag.Bool("update", false, "rewrite docs/schema/input.json from the input's types")

// inputSchemaFile is where the input document's schema is published.
var inputSchemaFile = filepath.Join("..", "..", "docs", "schema", "input.json")

// The input document as `credcheck parse` prints it and policies read it
// (docs/input.md). Value builds it as OPA terms without going through
// these types, so they exist to generate its schema; the binary's tests
// validate real parse output against that schema, which allows no key
// these types lack, so the two cannot drift apart unnoticed.
type inputDocument struct {
	Version      int                     `json:"version"`
	Article      inputArticle            `json:"article"`
	Headline     int                     `json:"headline"`
	Paragraphs   []inputParagraph        `json:"paragraphs"`
	Sentences    []inputSentence         `json:"sentences"`
	Quotes       []inputQuote            `json:"quotes"`
	Numbers      []inputNumber           `json:"numbers"`
	Entities     []inputEntity           `json:"entities"`
	Matches      map[string][]inputMatch `json:"matches"`
	Repeats      []inputRepeat           `json:"repeats"`
	Names        map[string][]int        `json:"names"`
	Endings      inputEndings            `json:"endings"`
	Attributions []inputAttribution      `json:"attributions"`
	Stats        inputStats              `json:"stats"`
	Language     inputLanguage           `json:"language"`
	// Page is present only for an article with page evidence.
	Page *inputPage `json:"page,omitempty"`
}

// inputPage is input.page, the evidence of the page the article was
// published on.
type inputPage struct {
	Version         int              `json:"version" jsonschema:"const=1"`
	From            string           `json:"from" jsonschema:"enum=html,enum=front_matter,enum=record"`
	Byline          string           `json:"byline"`
	Authors         []string         `json:"authors"`
	DeclaredAuthors []string         `json:"declared_authors"`
	Published       string           `json:"published"`
	Modified        string           `json:"modified"`
	Publisher       string           `json:"publisher"`
	Section         string           `json:"section"`
	Type            string           `json:"type"`
	Labels          []inputPageLabel `json:"labels"`
	Opinion         bool             `json:"opinion"`
	Sponsored       bool             `json:"sponsored"`
	Corrections     bool             `json:"corrections"`
	// Links is absent when the body's links are unknown.
	Links []inputPageLink `json:"links,omitempty"`
}

type inputPageLabel struct {
	Text  string `json:"text"`
	Group string `json:"group"`
}

type inputPageLink struct {
	Text    string `json:"text"`
	URL     string `json:"url"`
	Host    string `json:"host"`
	OwnSite bool   `json:"own_site"`
	Primary string `json:"primary"`
}

type inputArticle struct {
	ID     string `json:"id"`
	Path   string `json:"path"`
	Format string `json:"format" jsonschema:"enum=text,enum=markdown,enum=jsonl,enum=html"`
	Title  string `json:"title"`
	Author string `json:"author"`
	Date   string `json:"date"`
	Outlet string `json:"outlet"`
	URL    string `json:"url"`
	// The fields below are a web page's only: the text extracted from it,
	// which every position in the document points into, and what the page
	// declares beside its metadata.
	ExtractedText string      `json:"extracted_text,omitempty"`
	Language      string      `json:"language,omitempty"`
	Description   string      `json:"description,omitempty"`
	Modified      string      `json:"modified,omitempty"`
	Links         []inputLink `json:"links,omitempty"`
}

// inputLink is a link in a page's extracted body.
type inputLink struct {
	Text string `json:"text"`
	URL  string `json:"url"`
}

type inputParagraph struct {
	Index         int    `json:"index"`
	Zone          string `json:"zone" jsonschema:"enum=headline,enum=lede,enum=body,enum=heading,enum=quote,enum=byline"`
	Kind          string `json:"kind" jsonschema:"enum=text,enum=heading,enum=item,enum=quote"`
	Level         int    `json:"level"`
	Start         int    `json:"start"`
	End           int    `json:"end"`
	Line          int    `json:"line"`
	FirstSentence int    `json:"first_sentence"`
	LastSentence  int    `json:"last_sentence"`
}

type inputSentence struct {
	Index     int      `json:"index"`
	Paragraph int      `json:"paragraph"`
	Zone      string   `json:"zone" jsonschema:"enum=headline,enum=lede,enum=body,enum=heading,enum=quote,enum=byline"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	Text      string   `json:"text"`
	Tokens    []string `json:"tokens"`
	Capitals  int      `json:"capitals"`
	Upper     []int    `json:"upper"`
	Quoted    bool     `json:"quoted"`
	// Cues maps a lexicon to indexes into matches[lexicon].
	Cues     map[string][]int `json:"cues"`
	Entities []int            `json:"entities"`
	Numbers  []int            `json:"numbers"`
	// Attributions are indexes into attributions.
	Attributions []int `json:"attributions"`
}

type inputQuote struct {
	Start    int `json:"start"`
	End      int `json:"end"`
	Sentence int `json:"sentence"`
	Words    int `json:"words"`
}

type inputNumber struct {
	Sentence int      `json:"sentence"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Text     string   `json:"text"`
	Value    float64  `json:"value"`
	Unit     string   `json:"unit"`
	Scale    string   `json:"scale"`
	Quantity string   `json:"quantity"`
	Before   []string `json:"before"`
	After    []string `json:"after"`
	Quoted   bool     `json:"quoted"`
}

type inputEntity struct {
	Sentence   int    `json:"sentence"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Text       string `json:"text"`
	Key        string `json:"key"`
	Kind       string `json:"kind" jsonschema:"enum=name,enum=ticker"`
	Quoted     bool   `json:"quoted"`
	FirstToken int    `json:"first_token"`
	LastToken  int    `json:"last_token"`
}

type inputMatch struct {
	Sentence    int    `json:"sentence"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Term        string `json:"term"`
	Group       string `json:"group"`
	Text        string `json:"text"`
	Quoted      bool   `json:"quoted"`
	FirstToken  int    `json:"first_token"`
	LastToken   int    `json:"last_token"`
	FollowedBy  string `json:"followed_by"`
	Passive     bool   `json:"passive"`
	Capitalised bool   `json:"capitalised"`
}

type inputRepeat struct {
	Sentence int `json:"sentence"`
	Of       int `json:"of"`
}

type inputEndings struct {
	Question    []int `json:"question"`
	Exclamation []int `json:"exclamation"`
}

type inputAttribution struct {
	Sentence int           `json:"sentence"`
	Start    int           `json:"start"`
	End      int           `json:"end"`
	Lexicon  string        `json:"lexicon"`
	Term     string        `json:"term"`
	Group    string        `json:"group"`
	Source   *inputSpan    `json:"source" jsonschema:"nullable"`
	Speaker  *inputSpeaker `json:"speaker" jsonschema:"nullable"`
}

type inputSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type inputSpeaker struct {
	Entity int        `json:"entity"`
	Start  int        `json:"start"`
	End    int        `json:"end"`
	Text   string     `json:"text"`
	Words  int        `json:"words"`
	Role   *inputSpan `json:"role" jsonschema:"nullable"`
}

type inputStats struct {
	Words              int     `json:"words"`
	Sentences          int     `json:"sentences"`
	Paragraphs         int     `json:"paragraphs"`
	SentenceLengthMean float64 `json:"sentence_length_mean"`
	SentenceLengthSD   float64 `json:"sentence_length_sd"`
	SentenceLengthCV   float64 `json:"sentence_length_cv"`
	WordLengthMean     float64 `json:"word_length_mean"`
	TypeTokenRatio     float64 `json:"type_token_ratio"`
	MATTR              float64 `json:"mattr"`
	SpecificsPer1000   float64 `json:"specifics_per_1000"`
}

type inputLanguage struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Source string `json:"source" jsonschema:"enum=detected,enum=assumed,enum=configured"`
}

// inputSchema generates the JSON Schema of the input document.
func inputSchema() ([]byte, error) {
	r := jsonschema.Reflector{
		Namer: func(t reflect.Type) string {
			if n := strings.TrimPrefix(t.Name(), "input"); n != "Document" {
				return n
			}
			return "Input"
		},
	}
	s := r.Reflect(inputDocument{})
	s.ID = "https://github.com/credcheck/credcheck/docs/schema/input.json"
	s.Title = "credcheck policy input document"
	s.Description = "The input policies read for one article, as credcheck parse prints it (docs/input.md)."
	v, ok := s.Definitions["Input"].Properties.Get("version")
	if !ok {
		panic("input schema: no version")
	}
	v.Const = InputVersion
	out, err := json.MarshalIndent(s, "", "  ")
	return append(out, '\n'), err
}

// TestInputSchemaIsPublished fails when docs/schema/input.json differs from
// the schema of the types above; go test ./engine/document -run
// TestInputSchemaIsPublished -update rewrites it.
func TestInputSchemaIsPublished(t *testing.T) {
	got, err := inputSchema()
	if err != nil {
		t.Fatal(err)
	}
	golden.File(t, inputSchemaFile, got, *updateSchema)
}
