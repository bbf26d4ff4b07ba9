package policy

import (
	"fmt"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// pureBuiltins are the OPA built-ins a policy may call without an opt-in.
// Policies come from other people (a pull request, a shared directory), so
// what they may call is an allow-list: a built-in OPA adds in a later
// version stays unavailable until it is read and added here.
//
// The list is every built-in of OPA v1.22 whose result depends only on its
// arguments, minus those that reach outside the article:
//
//   - http.send: network and unix-socket requests (the exfiltration channel).
//   - net.lookup_ip_addr: DNS lookups, enough to leak text through queries.
//     (The net.cidr_* built-ins are arithmetic on addresses and stay.)
//   - opa.runtime: the server's environment and configuration. credcheck
//     gives it none, so even when allowed it returns {}.
//   - time.now_ns, rand.intn, uuid.rfc4122: the clock and randomness; they
//     make the same article give other findings from run to run.
//   - io.jwt.decode_verify, crypto.x509.parse_and_verify_certificates and
//     its _with_options form: they check expiry against the clock.
//   - io.jwt.encode_sign, io.jwt.encode_sign_raw: signatures draw on
//     randomness.
//   - json.match_schema, json.verify_schema: a schema's $ref may name an
//     http:// or file:// URL, which the validator fetches.
//
// The time.* built-ins that remain take their instant as an argument; a
// time zone argument reads the zone database, which tells a policy nothing
// about the machine beyond its zone files. trace and print write only to
// the output credcheck gives them (none in check, the test report in
// policy test).
var pureBuiltins = []string{
	// Operators and comparisons.
	"and", "assign", "eq", "equal", "neq", "gt", "gte", "lt", "lte", "or",
	"internal.member_2", "internal.member_3", "internal.print", "internal.template_string",
	"internal.test_case",
	// Numbers and bits.
	"abs", "ceil", "div", "floor", "minus", "mul", "plus", "rem", "round",
	"numbers.range", "numbers.range_step", "format_int", "to_number",
	"bits.and", "bits.lsh", "bits.negate", "bits.or", "bits.rsh", "bits.xor",
	"units.parse", "units.parse_bytes",
	// Aggregates, arrays, sets and objects.
	"all", "any", "count", "max", "min", "product", "sort", "sum",
	"array.concat", "array.flatten", "array.reverse", "array.slice",
	"intersection", "union",
	"object.filter", "object.get", "object.keys", "object.remove", "object.subset",
	"object.union", "object.union_n",
	"json.filter", "json.patch", "json.remove", "walk",
	"graph.reachable", "graph.reachable_paths",
	// Types.
	"is_array", "is_boolean", "is_null", "is_number", "is_object", "is_set", "is_string",
	"type_name",
	"cast_array", "cast_boolean", "cast_null", "cast_object", "cast_set", "cast_string",
	// Text.
	"concat", "contains", "endswith", "indexof", "indexof_n", "lower",
	"replace", "split", "sprintf", "startswith", "substring", "trim", "trim_left",
	"trim_prefix", "trim_right", "trim_space", "trim_suffix", "upper",
	"strings.any_prefix_match", "strings.any_suffix_match", "strings.count",
	"strings.render_template", "strings.replace_n", "strings.reverse", "strings.split_n",
	"glob.match", "glob.quote_meta",
	"re_match", "regex.find_all_string_submatch_n", "regex.find_n", "regex.globs_match",
	"regex.is_valid", "regex.match", "regex.replace", "regex.split", "regex.template_match",
	// Encodings.
	"base64.decode", "base64.encode", "base64.is_valid",
	"base64url.decode", "base64url.encode", "base64url.encode_no_pad",
	"hex.decode", "hex.encode",
	"json.is_valid", "json.marshal", "json.marshal_with_options", "json.unmarshal",
	"yaml.is_valid", "yaml.marshal", "yaml.unmarshal",
	"urlquery.decode", "urlquery.decode_object", "urlquery.encode", "urlquery.encode_object",
	"uri.is_valid", "uri.parse", "uuid.parse", "semver.compare", "semver.is_valid",
	"graphql.is_valid", "graphql.parse", "graphql.parse_and_verify", "graphql.parse_query",
	"graphql.parse_schema", "graphql.schema_is_valid",
	// Hashes, keys and tokens that need no clock and no randomness.
	"crypto.hmac.equal", "crypto.hmac.md5", "crypto.hmac.sha1", "crypto.hmac.sha256",
	"crypto.hmac.sha512", "crypto.md5", "crypto.sha1", "crypto.sha256",
	"crypto.parse_private_keys", "crypto.x509.parse_certificate_request",
	"crypto.x509.parse_certificates", "crypto.x509.parse_keypair",
	"crypto.x509.parse_rsa_private_key",
	"io.jwt.decode", "io.jwt.verify_eddsa", "io.jwt.verify_es256", "io.jwt.verify_es384",
	"io.jwt.verify_es512", "io.jwt.verify_hs256", "io.jwt.verify_hs384", "io.jwt.verify_hs512",
	"io.jwt.verify_ps256", "io.jwt.verify_ps384", "io.jwt.verify_ps512", "io.jwt.verify_rs256",
	"io.jwt.verify_rs384", "io.jwt.verify_rs512",
	"providers.aws.sign_req",
	// Addresses, as arithmetic.
	"net.cidr_contains", "net.cidr_contains_matches", "net.cidr_expand", "net.cidr_intersects",
	"net.cidr_is_valid", "net.cidr_merge", "net.cidr_overlap",
	// Time, from an instant the policy gives.
	"time.add_date", "time.clock", "time.date", "time.diff", "time.format",
	"time.parse_duration_ns", "time.parse_ns", "time.parse_rfc3339_ns", "time.weekday",
	// Rego about Rego, and debugging.
	"rego.metadata.chain", "rego.metadata.rule", "rego.parse_module", "print", "trace",
}

// Capabilities are the OPA capabilities policies are compiled with: the
// pure built-ins plus those named in allow (--allow-builtin). A name OPA
// does not know is an error, so that a typo does not pass unnoticed.
func Capabilities(allow []string) (*ast.Capabilities, error) {
	all := ast.CapabilitiesForThisVersion(ast.CapabilitiesRegoVersion(ast.RegoV1))
	known := map[string]bool{}
	for _, b := range all.Builtins {
		known[b.Name] = true
	}
	allowed := map[string]bool{}
	for _, name := range pureBuiltins {
		allowed[name] = true
	}
	for _, name := range allow {
		if !known[name] {
			return nil, fmt.Errorf("--allow-builtin %s: OPA has no built-in of that name", name)
		}
		allowed[name] = true
	}
	caps := *all
	caps.Builtins = slices.DeleteFunc(slices.Clone(all.Builtins), func(b *ast.Builtin) bool { return !allowed[b.Name] })
	// The type checker may fetch remote JSON schemas; an empty list allows
	// no host.
	caps.AllowNet = []string{}
	return &caps, nil
}

// sandboxError rewrites the compiler's complaint about a call to a
// built-in the capabilities leave out, so that it names the opt-in.
func sandboxError(e *Error, caps *ast.Capabilities) {
	name, ok := strings.CutPrefix(e.Reason, "rego_type_error: undefined function ")
	if !ok {
		return
	}
	if _, builtin := ast.BuiltinMap[name]; !builtin || slices.ContainsFunc(caps.Builtins, func(b *ast.Builtin) bool { return b.Name == name }) {
		return
	}
	e.Reason = fmt.Sprintf("built-in %s is not allowed in policies (it reaches outside the article or is not known to be pure); "+
		"allow it with --allow-builtin %s or allow-builtins: [%s]", name, name, name)
}
