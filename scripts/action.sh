#!/usr/bin/env bash
# The shell steps of the credcheck GitHub Action (action.yml), kept here so
# that cmd/credcheck/action_test.go can run them with a fake GITHUB_*
# environment. Inputs arrive in the environment, never by expression
# expansion inside a script, so a crafted input cannot run code.
#
#   action.sh install   put credcheck in $RUNNER_TEMP: the release VERSION
#                       when set, else built from the action's checkout
#   action.sh check     run credcheck on PATHS; set the outputs exit-code,
#                       upload-sarif and sarif-file
set -euo pipefail

notice() { echo "::notice title=credcheck::$*"; }
fail() {
	echo "::error title=credcheck::$*"
	exit 2
}
output() { echo "$1=$2" >>"$GITHUB_OUTPUT"; }

# install_release downloads the archive of a released version, checks it
# against the release's checksums and unpacks the binary into $1.
install_release() {
	local dest=$1 v=${VERSION#v} os arch
	case "${RUNNER_OS:-}" in
	Linux) os=linux ;;
	macOS) os=darwin ;;
	*) fail "released binaries are for Linux and macOS runners, not ${RUNNER_OS:-unknown}; leave version empty to build credcheck" ;;
	esac
	case "${RUNNER_ARCH:-}" in
	X64) arch=amd64 ;;
	ARM64) arch=arm64 ;;
	*) fail "no released binary for the runner architecture ${RUNNER_ARCH:-unknown}; leave version empty to build credcheck" ;;
	esac
	local base="${DOWNLOAD_URL%/}/v$v" asset="credcheck_${v}_${os}_${arch}.tar.gz" sums="credcheck_${v}_checksums.txt"
	local tmp
	tmp=$(mktemp -d "$RUNNER_TEMP/credcheck-download.XXXXXX")
	curl -fsSL --retry 3 -o "$tmp/$asset" "$base/$asset" || fail "version $VERSION: cannot download $base/$asset"
	curl -fsSL --retry 3 -o "$tmp/$sums" "$base/$sums" || fail "version $VERSION: cannot download $base/$sums"
	local want got
	want=$(awk -v f="$asset" '$2 == f || $2 == "*" f { print $1 }' "$tmp/$sums")
	[ -n "$want" ] || fail "version $VERSION: $sums does not list $asset"
	if command -v sha256sum >/dev/null; then
		got=$(sha256sum "$tmp/$asset" | awk '{ print $1 }')
	else
		got=$(shasum -a 256 "$tmp/$asset" | awk '{ print $1 }')
	fi
	[ "$got" = "$want" ] || fail "version $VERSION: $asset does not match its checksum in $sums"
	tar -xzf "$tmp/$asset" -C "$dest" credcheck || fail "version $VERSION: $asset holds no credcheck binary"
	rm -rf "$tmp"
}

install() {
	local dest="$RUNNER_TEMP/credcheck-bin"
	mkdir -p "$dest"
	if [ -n "${VERSION:-}" ]; then
		install_release "$dest"
	else
		# actions/setup-go restores Go's build and module caches keyed on
		# the action's go.sum, so a warm run only links.
		(cd "$GITHUB_ACTION_PATH" && CGO_ENABLED=0 go build -trimpath -o "$dest/credcheck" ./cmd/credcheck)
	fi
	"$dest/credcheck" --version
	output bin "$dest/credcheck"
}

# from_fork reports whether the run is for a pull request from a fork,
# whose token cannot write security events: from the expression action.yml
# passes in, else from the event payload.
from_fork() {
	[ "${PR_FROM_FORK:-}" = true ] && return 0
	if [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ] && command -v jq >/dev/null; then
		[ "$(jq -r '.pull_request.head.repo.fork // false' "$GITHUB_EVENT_PATH")" = true ] && return 0
	fi
	return 1
}

check() {
	# One path or more per line, split as a shell would split words,
	# quotes included, so that a path may hold spaces: xargs does exactly
	# that splitting, and runs nothing but printf.
	local paths=() p
	local split
	split=$(mktemp "$RUNNER_TEMP/credcheck-paths.XXXXXX")
	printf '%s\n' "${PATHS:-.}" | xargs printf '%s\0' >"$split" 2>/dev/null ||
		fail "paths: cannot split $(printf '%q' "${PATHS:-}") into paths (an unmatched quote?)"
	while IFS= read -r -d '' p; do
		[ -n "$p" ] && paths+=("$p")
	done <"$split"
	rm -f "$split"
	[ ${#paths[@]} -gt 0 ] || paths=(.)

	local upload=false sarif=${SARIF_FILE:-}
	case "${UPLOAD_SARIF:-false}" in
	true)
		if from_fork; then
			notice "SARIF upload skipped: a pull request from a fork cannot write to code scanning; the annotations and the job summary still show the findings"
		elif [ "${GITHUB_ACTOR:-}" = "dependabot[bot]" ]; then
			notice "SARIF upload skipped: Dependabot's pull requests cannot write to code scanning"
		else
			upload=true
			sarif=${sarif:-credcheck.sarif}
		fi
		;;
	false) ;;
	*) fail "upload-sarif must be true or false, not $(printf '%q' "$UPLOAD_SARIF")" ;;
	esac

	local args=(check --format github --output - --scorecard=false)
	[ -n "$sarif" ] && args+=(--format sarif --output "$sarif")
	# Thresholds given here win over .credcheck.yaml; left empty, the
	# file's own (and its per-path overrides) apply.
	[ -n "${FAIL_LEVEL:-}" ] && args+=(--fail-level "$FAIL_LEVEL")
	[ -n "${FAIL_UNDER:-}" ] && args+=(--fail-under "$FAIL_UNDER")
	[ -n "${BASELINE:-}" ] && args+=(--baseline "$BASELINE")
	[ -n "${CHANGED_SINCE:-}" ] && args+=(--changed-since "$CHANGED_SINCE")
	[ -n "${CONFIG:-}" ] && args+=(--config "$CONFIG")
	local code=0
	"${CREDCHECK:-credcheck}" "${args[@]}" -- "${paths[@]}" || code=$?
	output exit-code "$code"
	# A SARIF file that was not written (a usage error) is not uploaded.
	if [ "$upload" = true ] && [ ! -f "$sarif" ]; then
		upload=false
	fi
	output upload-sarif "$upload"
	output sarif-file "$sarif"
}

case "${1:-}" in
install) install ;;
check) check ;;
*)
	echo "usage: action.sh install|check" >&2
	exit 2
	;;
esac
