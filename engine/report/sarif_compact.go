package report

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
)

// GitHub code scanning's limits on an uploaded SARIF log
// (docs.github.com, "SARIF results exceed one or more limits" and "SARIF
// results file is too large"): it rejects a run of more than 25,000
// results, and a log of more than 10 MB once gzip-compressed, which is how
// upload-sarif and the API send it. The size is taken in decimal megabytes
// so that a log that passes here passes there.
const (
	sarifMaxResults = 25_000
	sarifMaxBytes   = 10_000_000
)

// sarifAdvice is what to do about a log over GitHub's limits.
const sarifAdvice = "check fewer paths per run, record the known findings with --write-baseline and check with --baseline (suppressed findings are left out), or switch noisy rules off in the configuration"

// sarifMinusOne are the SARIF 2.1.0 properties whose default is -1, "not
// given", which go-sarif writes out.
var sarifMinusOne = map[string]bool{
	"index": true, "id": true, "charOffset": true, "charLength": true, "byteOffset": true,
	"rank": true, "parentIndex": true, "ruleIndex": true, "nodeIndex": true,
}

// sarifDefaults are the other SARIF 2.1.0 properties go-sarif writes with
// their schema default, as encoded.
var sarifDefaults = map[string]string{
	"kind":             `"fail"`, // of a result; the other kinds are other objects'
	"enabled":          `true`,
	"language":         `"en-US"`,
	"isComprehensive":  `false`,
	"newlineSequences": `["\r\n","\n"]`,
	"contents":         `["localizedData","nonLocalizedData"]`,
}

// sarifKeep are members kept however empty: GitHub rejects a run without
// results, and to SARIF an empty list of results means that the tool ran
// and found nothing.
var sarifKeep = map[string]bool{"results": true}

// sarifBags hold values that are ours or the user's (rule parameters),
// copied as they are: an empty list or a -1 there means what it says.
var sarifBags = map[string]bool{"properties": true, "parameters": true}

// sarifCheckSize fails when GitHub would refuse a log of this size.
func sarifCheckSize(log []byte) error {
	if len(log) <= sarifMaxBytes {
		return nil
	}
	counter := &countWriter{}
	z, _ := gzip.NewWriterLevel(counter, gzip.DefaultCompression)
	if _, err := z.Write(log); err != nil {
		return err
	}
	if err := z.Close(); err != nil {
		return err
	}
	if counter.n > sarifMaxBytes {
		return fmt.Errorf("the log is %.1f MB gzip-compressed, more than the 10 MB GitHub code scanning accepts: %s", float64(counter.n)/1e6, sarifAdvice)
	}
	return nil
}

type countWriter struct{ n int }

func (c *countWriter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

// sarifCompact rewrites an encoded SARIF log without the values the
// schema gives by default (empty arrays and objects, -1 for "not given",
// a result's kind "fail", a rule's enabled true), which go-sarif writes
// out and which made a log for 2,000 articles three times its size. The
// order of the members stays as go-sarif writes it.
func sarifCompact(raw []byte) ([]byte, error) {
	c := &compactor{dec: json.NewDecoder(bytes.NewReader(raw))}
	c.dec.UseNumber()
	c.out.Grow(len(raw) / 2)
	c.enc = json.NewEncoder(&c.scratch)
	c.enc.SetEscapeHTML(false) // as the rest of the log: "<!--" stays readable
	if _, err := c.value("", false); err != nil {
		return nil, err
	}
	return c.out.Bytes(), nil
}

type compactor struct {
	dec     *json.Decoder
	out     bytes.Buffer
	scratch bytes.Buffer
	enc     *json.Encoder
}

// value copies the next value and reports whether it is the default of
// the member named key, so that the member can be left out. Inside a
// property bag (verbatim) nothing is a default.
func (c *compactor) value(key string, verbatim bool) (isDefault bool, err error) {
	tok, err := c.dec.Token()
	if err != nil {
		return false, err
	}
	start := c.out.Len()
	empty := false
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			empty, err = c.array(verbatim)
		} else {
			empty, err = c.object(verbatim || sarifBags[key])
		}
		if err != nil {
			return false, err
		}
	case string:
		if err := c.string(t); err != nil {
			return false, err
		}
	case json.Number:
		c.out.WriteString(t.String())
		if t == "-1" && sarifMinusOne[key] {
			return !verbatim, nil
		}
	case bool:
		fmt.Fprint(&c.out, t)
	case nil:
		c.out.WriteString("null")
	}
	if verbatim || key == "" || sarifKeep[key] {
		return false, nil
	}
	if empty {
		return true, nil
	}
	d, ok := sarifDefaults[key]
	return ok && string(c.out.Bytes()[start:]) == d, nil
}

func (c *compactor) array(verbatim bool) (bool, error) {
	c.out.WriteByte('[')
	n := 0
	for c.dec.More() {
		if n > 0 {
			c.out.WriteByte(',')
		}
		if _, err := c.value("", verbatim); err != nil {
			return false, err
		}
		n++
	}
	if _, err := c.dec.Token(); err != nil {
		return false, err
	}
	c.out.WriteByte(']')
	return n == 0, nil
}

func (c *compactor) object(verbatim bool) (bool, error) {
	c.out.WriteByte('{')
	n := 0
	for c.dec.More() {
		tok, err := c.dec.Token()
		if err != nil {
			return false, err
		}
		key, _ := tok.(string)
		mark := c.out.Len()
		if n > 0 {
			c.out.WriteByte(',')
		}
		if err := c.string(key); err != nil {
			return false, err
		}
		c.out.WriteByte(':')
		isDefault, err := c.value(key, verbatim)
		if err != nil {
			return false, err
		}
		if isDefault {
			c.out.Truncate(mark)
			continue
		}
		n++
	}
	if _, err := c.dec.Token(); err != nil {
		return false, err
	}
	c.out.WriteByte('}')
	return n == 0, nil
}

// string writes s as encoding/json does, which is how go-sarif wrote it.
func (c *compactor) string(s string) error {
	c.scratch.Reset()
	if err := c.enc.Encode(s); err != nil {
		return err
	}
	_, err := io.Copy(&c.out, bytes.NewReader(bytes.TrimSuffix(c.scratch.Bytes(), []byte("\n"))))
	return err
}
