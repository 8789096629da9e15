#!/usr/bin/env bash
# Checks what scripts/install.sh put under PREFIX, as a user would meet it:
#
#   scripts/check-install.sh PREFIX
#
# - PREFIX/bin/confdash runs without the Swift toolchain: `ldd` lists no Swift library
#   (libswiftCore, libFoundation, libdispatch, …), and it still works with the toolchain off PATH
#   and LD_LIBRARY_PATH empty;
# - `confdash --version` names the version and a git revision;
# - the man page is there and is the one in docs/man (man renders it when man is installed);
# - bash, zsh and fish completions are there and complete confdash's subcommands (bash loads
#   its script and asks it; zsh and fish files are checked by their headers).
set -euo pipefail
prefix="${1:?usage: check-install.sh PREFIX}"
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$prefix/bin/confdash"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

[ -x "$bin" ] || { echo "FAIL: no executable $bin" >&2; exit 1; }

libraries="$(ldd "$bin")"
if grep -Ei 'libswift|libFoundation|libdispatch|libBlocksRuntime|lib_FoundationICU|libicu.*swift|/opt/swift|not found' <<< "$libraries"; then
    fail "ldd lists Swift libraries (or missing ones):"$'\n'"$libraries"
else
    pass "ldd lists no Swift library ($(wc -l <<< "$libraries") libraries: $(awk '{print $1}' <<< "$libraries" | tr '\n' ' '))"
fi

# libcurl is opened on the first fetch (Sources/CCurl): linked, it and its ~35 libraries load at
# every start (issue 13: 12 of the 17 ms of `confdash --version`).
if grep -q 'libcurl' <<< "$libraries"; then
    fail "ldd lists libcurl: every start would load it and its libraries"
else
    pass "ldd lists no libcurl (opened on the first fetch)"
fi

version="$(env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH= "$bin" --version)"
if [[ "$version" =~ ^confdash\ [0-9]+\.[0-9]+\.[0-9]+\ \(git\ ([0-9a-f]{12}(-dirty)?|revision\ unknown)\)$ ]]; then
    pass "--version without the toolchain on PATH: $version"
else
    fail "--version printed: $version"
fi
# Captured first, not piped into grep -q: grep stops reading at the first match, confdash then
# writes into a closed pipe (SIGPIPE), and with pipefail that failed the check on a working binary.
agenda_json="$(env -i PATH=/usr/bin:/bin "$bin" agenda --event rio --day 2 --format json)" || agenda_json=""
if grep -q '"wco-tech-conf-2024"' <<< "$agenda_json"; then
    pass "agenda runs from the installed binary (bundled data compiled in)"
else
    fail "confdash agenda did not run from $bin"
fi

man_page="$prefix/share/man/man1/confdash.1"
if [ -f "$man_page" ] && cmp -s "$man_page" "$root/docs/man/confdash.1"; then
    pass "man page $man_page (docs/man/confdash.1)"
    if command -v man >/dev/null; then
        rendered="$(MANWIDTH=80 man -l "$man_page" 2>/dev/null)" || rendered=""
        if grep -q 'confdash' <<< "$rendered"; then pass "man -l renders it"; else fail "man -l cannot render $man_page"; fi
    fi
else
    fail "man page missing or not docs/man/confdash.1: $man_page"
fi

bash_completion="$prefix/share/bash-completion/completions/confdash"
if [ -f "$bash_completion" ]; then
    # Load the script and ask it what follows `confdash ag`.
    words="$(bash -c 'source "$1"; COMP_WORDS=(confdash ag); COMP_CWORD=1; COMP_LINE="confdash ag"; COMP_POINT=${#COMP_LINE}; _confdash 2>/dev/null || true; printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_completion")"
    if grep -qx 'agenda' <<< "$words"; then pass "bash completion: confdash ag<Tab> → agenda"; else fail "bash completion did not offer agenda (got: $words)"; fi
else
    fail "no bash completion at $bash_completion"
fi
zsh_completion="$prefix/share/zsh/site-functions/_confdash"
if [ -f "$zsh_completion" ] && head -n 1 "$zsh_completion" | grep -q '^#compdef confdash' && grep -q 'agenda' "$zsh_completion"; then
    pass "zsh completion $zsh_completion"
else
    fail "zsh completion missing or without #compdef confdash: $zsh_completion"
fi
fish_completion="$prefix/share/fish/vendor_completions.d/confdash.fish"
if [ -f "$fish_completion" ] && grep -q "complete -c 'confdash'\|complete -c confdash" "$fish_completion" && grep -q 'agenda' "$fish_completion"; then
    pass "fish completion $fish_completion"
else
    fail "fish completion missing or not for confdash: $fish_completion"
fi

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "install under $prefix: all checks passed"
