package pipeline

import (
	"bytes"
	"context"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/story"
)

// StoryLine is one line of the stories files: story mode's story (as
// `credcheck story --format json` writes each of its stories) and how many
// of its articles the cap left out.
type StoryLine struct {
	*story.Story
	// LeftOut is how many articles the story had past --max-story; they
	// are not among its articles and no finding cites them.
	LeftOut int `json:"left_out,omitempty"`
}

// judgeFn runs story mode's rules on one story: the same story.Runner as
// check --story, built once per instance in Setup. Each article is checked
// again for its document and its own score (the stories' articles only),
// so that documents never cross the network.
type judgeFn struct {
	Settings Settings

	checker *checker.Checker
	runner  *story.Runner
	stories beam.Counter
}

func (f *judgeFn) Setup(ctx context.Context) error {
	cfg, err := f.Settings.Config()
	if err != nil {
		return err
	}
	if f.checker, err = checker.New(ctx, cfg); err != nil {
		return err
	}
	if f.runner, err = story.NewRunner(ctx, f.checker); err != nil {
		return err
	}
	f.stories = beam.NewCounter(metricsNamespace, StoriesCounter)
	return nil
}

func (f *judgeFn) ProcessElement(ctx context.Context, n int, arts func(*StoryArticle) bool, emit func(Result), dead func(string)) error {
	var list []StoryArticle
	var sa StoryArticle
	for arts(&sa) {
		list = append(list, sa)
	}
	slices.SortFunc(list, func(a, b StoryArticle) int { return strings.Compare(a.Key, b.Key) })
	articles := make([]*article.Article, len(list))
	for i, sa := range list {
		var a article.Article
		if err := gob.NewDecoder(bytes.NewReader(sa.Article)).Decode(&a); err != nil {
			return fmt.Errorf("story %d: decoding an article: %w", n, err)
		}
		articles[i] = &a
	}
	var (
		results []*report.Article
		docs    []*document.Document
	)
	run := f.checker.CheckDocuments(ctx, articles, func(res *report.Article, d *document.Document) {
		results = append(results, res)
		docs = append(docs, d)
	})
	for _, e := range run.Errors {
		dead(e.Error())
	}
	if len(docs) < 2 {
		return nil
	}
	id := story.ID(docs, n)
	st, err := f.runner.JudgeGroup(ctx, id, results, docs)
	if err != nil {
		dead((&article.InputError{Path: docs[0].Article.Path, Reason: "story " + id + ": " + err.Error()}).Error())
		return nil
	}
	line, err := json.Marshal(StoryLine{Story: st, LeftOut: list[0].Size - len(list)})
	if err != nil {
		return err
	}
	f.stories.Inc(ctx, 1)
	emit(Result{Line: n, JSON: string(line)})
	return nil
}
