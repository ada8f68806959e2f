#!/usr/bin/env bash
# Comment lines as a share of non-blank lines in C# sources: tools/comment-ratio.sh [FOLDER...]
# (default src/Micrograd). A comment line is one that holds only a comment (//, ///, or inside /* */).
# Prints each file's figure, then the total.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 0 ] && set -- src/Micrograd
find "$@" -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' | sort | xargs awk '
  FNR == 1 { if (file) report(); file = FILENAME; code = 0; comment = 0; inblock = 0 }
  {
    line = $0; gsub(/^[ \t]+|[ \t]+$/, "", line)
    if (line == "") next
    if (inblock) { comment++; if (line ~ /\*\//) inblock = 0; next }
    if (line ~ /^\/\//) { comment++; next }
    if (line ~ /^\/\*/) { comment++; if (line !~ /\*\//) inblock = 1; next }
    code++
  }
  function report() {
    printf "%5.1f%%  %4d of %4d  %s\n", 100 * comment / (code + comment), comment, code + comment, file
    totalComment += comment; totalLines += code + comment
  }
  END {
    if (file) report()
    printf "%5.1f%%  %4d of %4d  total\n", 100 * totalComment / totalLines, totalComment, totalLines
  }'
