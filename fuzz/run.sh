#!/usr/bin/env bash
# Fuzzes one parser of outside input with AFL++ through SharpFuzz, then reports what it found.
#   fuzz/run.sh TARGET SECONDS        TARGET: expression, csv, model, idx or onnx (fuzz/Micrograd.Fuzz/FuzzTargets.cs)
# Installs what it needs (Debian's afl++, the SharpFuzz.CommandLine dotnet tool), publishes the targets,
# instruments Micrograd.dll, runs afl-fuzz for SECONDS and prints executions, paths, crashes and hangs.
# Work files go to fuzz/out/ (not committed); crash inputs are copied to fuzz/out/TARGET/crashes/. Once fixed,
# commit each one to fuzz/regressions/TARGET/, where the tests replay it.
set -euo pipefail

if [ $# -ne 2 ] || ! [[ "$2" =~ ^[0-9]+$ ]]; then
  echo "usage: fuzz/run.sh TARGET SECONDS   (TARGET: expression, csv, model, idx or onnx)" >&2
  exit 2
fi
target=$1
seconds=$2
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$root/fuzz/corpus/$target
out=$root/fuzz/out
work=$out/$target
if [ ! -d "$corpus" ]; then
  echo "error: no seed corpus $corpus; the targets are: $(ls "$root/fuzz/corpus" | tr '\n' ' ')" >&2
  exit 2
fi

# 1. What it needs: AFL++ from Debian, and SharpFuzz's instrumenting tool (pinned, installed beside the work files).
if ! command -v afl-fuzz >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q afl++
fi
tools=$out/tools
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools"
fi

# 2. Publish the targets and instrument the code under test: Micrograd.dll, and for onnx the ONNX reader and
#    the protobuf parser beneath it.
rm -rf "$work"
dotnet publish "$root/fuzz/Micrograd.Fuzz" -c Release -o "$work/bin" --nologo -v quiet
"$tools/sharpfuzz" "$work/bin/Micrograd.dll"
if [ "$target" = onnx ]; then
  for dll in Micrograd.Onnx.dll Google.Protobuf.dll; do "$tools/sharpfuzz" "$work/bin/$dll"; done
fi

# 3. Fuzz. AFL_SKIP_BIN_CHECK: the program afl-fuzz starts is dotnet, which is not instrumented itself.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
echo "fuzzing $target for $seconds s (log: $work/afl.log)"
afl-fuzz -V "$seconds" -i "$corpus" -o "$work/findings" -t 10000 -m none \
  -- dotnet "$work/bin/Micrograd.Fuzz.dll" "$target" >"$work/afl.log" 2>&1 || {
  echo "error: afl-fuzz failed; the end of its log:" >&2
  tail -n 30 "$work/afl.log" >&2
  exit 1
}

# 4. Report.
stats=$work/findings/default/fuzzer_stats
stat() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
mkdir -p "$work/crashes"
find "$work/findings/default/crashes" -type f -name 'id:*' -exec cp {} "$work/crashes/" \;
crashes=$(find "$work/crashes" -type f | wc -l)
echo "target $target: $(stat run_time) s, $(stat execs_done) executions ($(stat execs_per_sec)/s), $(stat corpus_count) paths, $crashes crashes, $(stat saved_hangs) hangs"
if [ "$crashes" -gt 0 ]; then
  echo "crash inputs: $work/crashes/ (replay one: dotnet $work/bin/Micrograd.Fuzz.dll $target FILE)"
  exit 1
fi
