package checker

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/config"
)

// A caller of the API gets the same refusal as the command line for a
// number that would turn scores or the gate into nonsense.
func TestNewRefusesBadNumbers(t *testing.T) {
	inf := math.Inf(1)
	for want, cfg := range map[string]config.Config{
		"configuration: fail-under must be a number from 0 to 100, not NaN":                  {FailUnder: math.NaN()},
		"configuration: workers must be a whole number from 0 to 1024, not -1":               {Workers: -1},
		"configuration: rules.hearsay-hedge.weight must be a number from 0 to 100, not +Inf": {Rules: map[string]config.Rule{"hearsay-hedge": {Weight: &inf}}},
		"configuration: scoring.floor must be a number from 1 to 1000000, not +Inf":          {Scoring: config.Scoring{Floor: &inf}},
	} {
		_, err := New(context.Background(), cfg)
		if err == nil || err.Error() != want {
			t.Errorf("New = %v, want %q", err, want)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("error of several lines: %q", err)
		}
	}
}
