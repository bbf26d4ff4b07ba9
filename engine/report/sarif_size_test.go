package report

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestSARIFCheckSizeIsOnCompressedSize(t *testing.T) {
	t.Parallel()
	// 12 MB that compress well pass: GitHub takes the gzip-compressed log.
	if err := sarifCheckSize([]byte(strings.Repeat(`{"ruleId":"specifics"},`, 12_000_000/23))); err != nil {
		t.Errorf("a compressible 12 MB log: %v", err)
	}
	noise := make([]byte, 10_100_000)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range noise {
		noise[i] = byte(rng.Uint32())
	}
	err := sarifCheckSize(noise)
	if err == nil || !strings.Contains(err.Error(), "MB gzip-compressed, more than the 10 MB GitHub code scanning accepts") {
		t.Errorf("10.1 MB that do not compress: error %v", err)
	}
}
