#!/usr/bin/env bash
# Build confdash for release and install it with its man page and shell completions.
#
#   scripts/install.sh                      # into ~/.local (bin/, share/man/, share/…completions)
#   scripts/install.sh --prefix /usr/local  # system-wide (as root)
#   scripts/install.sh --prefix /usr --destdir pkg/   # staged, for packagers
#   scripts/install.sh --uninstall [--prefix …]       # remove what an install put there
#
# The binary is linked with --static-swift-stdlib: it runs on a machine without the Swift
# toolchain (only libc, libm, libgcc_s and ncursesw from the system; libstdc++ is linked from its
# archive, see Package.swift), starts in half the time and uses less memory than a build linked to
# the toolchain's shared libraries.
#
# Installed files (PREFIX defaults to ~/.local):
#   PREFIX/bin/confdash
#   PREFIX/share/man/man1/confdash.1                       (docs/man/confdash.1, from the argument parser)
#   PREFIX/share/bash-completion/completions/confdash
#   PREFIX/share/zsh/site-functions/_confdash
#   PREFIX/share/fish/vendor_completions.d/confdash.fish
set -euo pipefail

usage() {
    sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
}

prefix="${PREFIX:-$HOME/.local}"
destdir="${DESTDIR:-}"
build=1
uninstall=0
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a directory" >&2; exit 64; }; prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; shift ;;
        --destdir) [ $# -ge 2 ] || { echo "install.sh: --destdir needs a directory" >&2; exit 64; }; destdir="$2"; shift 2 ;;
        --destdir=*) destdir="${1#--destdir=}"; shift ;;
        --no-build) build=0; shift ;;   # install what the last release build left in .build/release
        --uninstall) uninstall=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 64 ;;
    esac
done
case "$prefix" in
    /*) ;;
    *) prefix="$(pwd)/$prefix" ;;
esac

root="$(cd "$(dirname "$0")/.." && pwd)"
target="$destdir$prefix"
bin="$target/bin/confdash"
man="$target/share/man/man1/confdash.1"
bash_completion="$target/share/bash-completion/completions/confdash"
zsh_completion="$target/share/zsh/site-functions/_confdash"
fish_completion="$target/share/fish/vendor_completions.d/confdash.fish"

if [ "$uninstall" = 1 ]; then
    for file in "$bin" "$man" "$bash_completion" "$zsh_completion" "$fish_completion"; do
        if [ -e "$file" ]; then rm -f "$file" && echo "removed $file"; fi
    done
    exit 0
fi

cd "$root"
if [ "$build" = 1 ]; then
    echo "Building a release binary (--static-swift-stdlib); the first build takes a few minutes…"
    # --disable-local-rpath: no RUNPATH $ORIGIN, which made the loader look in the binary's own
    # folder (and its glibc-hwcaps, tls, x86_64 subfolders) for each system library first: 26
    # failed opens and stats a start. The binary needs no library of its own (docs/benchmarks.md, round 12).
    swift build -c release --static-swift-stdlib --disable-local-rpath --product confdash
fi
built="$root/.build/release/confdash"
[ -x "$built" ] || built="$(swift build -c release --show-bin-path)/confdash"
[ -x "$built" ] || { echo "install.sh: no release binary at $built (run without --no-build)" >&2; exit 66; }

# Write each file beside its destination, then rename it into place: an interrupted install
# never leaves half a binary where the old one was.
put() { # put SOURCE DESTINATION MODE
    mkdir -p "$(dirname "$2")"
    local temporary
    temporary="$(mktemp "$2.XXXXXX")"
    cat "$1" > "$temporary"
    chmod "$3" "$temporary"
    mv -f "$temporary" "$2"
    echo "installed $2"
}
completions="$(mktemp -d)"
trap 'rm -rf "$completions"' EXIT
for shell in bash zsh fish; do
    "$built" --generate-completion-script "$shell" > "$completions/$shell"
done

put "$built" "$bin" 755
put docs/man/confdash.1 "$man" 644
put "$completions/bash" "$bash_completion" 644
put "$completions/zsh" "$zsh_completion" 644
put "$completions/fish" "$fish_completion" 644

echo
"$bin" --version
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) [ -n "$destdir" ] || echo "note: $prefix/bin is not on your PATH; add it to use \`confdash\`." ;;
esac
if [ -z "$destdir" ] && [ "$prefix" = "$HOME/.local" ]; then
    echo "zsh: add  fpath=(~/.local/share/zsh/site-functions \$fpath)  before compinit in ~/.zshrc for completions."
fi
