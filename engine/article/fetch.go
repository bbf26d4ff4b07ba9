package article

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/credcheck/credcheck/engine/safefile"
)

// Fetching pages named by URL. The limits keep one bad server from holding
// a run: the whole exchange is bounded in time, the body in size (the
// article limit), the redirects in number.
const (
	// DefaultFetchTimeout bounds one page's fetch, connection to last byte.
	DefaultFetchTimeout = 20 * time.Second
	// maxRedirects is what a browser would follow for a news page and
	// well short of a loop.
	maxRedirects = 5
)

// UserAgent names credcheck to the servers it fetches from, so that a
// site's operators can tell its requests from a browser's.
var UserAgent = "credcheck (article credibility checker)"

// IsURL reports whether an input names a web page to fetch rather than a
// file.
func IsURL(p string) bool {
	lower := strings.ToLower(p)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

func (o LoadOptions) fetchTimeout() time.Duration {
	if o.FetchTimeout <= 0 {
		return DefaultFetchTimeout
	}
	return o.FetchTimeout
}

// readURL fetches one page and reads it as HTML.
func readURL(raw string, opts LoadOptions, s sink) bool {
	fail := func(reason string) bool {
		s.problem(&InputError{Path: raw, Reason: reason})
		return true
	}
	if opts.Offline {
		return fail("not fetched: fetching pages is off (--offline)")
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return fail("not a URL a page can be fetched from")
	}
	client := &http.Client{
		Timeout: opts.fetchTimeout(),
		CheckRedirect: func(_ *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("more than %d redirects", maxRedirects)
			}
			return nil
		},
	}
	req, err := http.NewRequest(http.MethodGet, u.String(), nil)
	if err != nil {
		return fail("not a URL a page can be fetched from")
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9")
	resp, err := client.Do(req)
	if err != nil {
		return fail("fetching: " + fetchReason(err, opts.fetchTimeout()))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fail("fetching: the server answered " + resp.Status)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "" {
		media, _, err := mime.ParseMediaType(ct)
		if err != nil || media != "text/html" && media != "application/xhtml+xml" {
			return fail(fmt.Sprintf("fetching: content type %q, not a web page", ct))
		}
	}
	limit := opts.maxBytes()
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return fail("fetching: " + fetchReason(err, opts.fetchTimeout()))
	}
	if int64(len(data)) > limit {
		le := &safefile.LimitError{Path: raw, Size: -1, Limit: limit}
		return fail(le.Reason() + limitHint)
	}
	return s.each(parseHTML(raw, data))
}

// fetchReason says why a fetch failed without repeating the URL, which the
// caller prints already.
func fetchReason(err error, timeout time.Duration) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Sprintf("no answer within %s", timeout)
		}
		err = ue.Err
	}
	return err.Error()
}
