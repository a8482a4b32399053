#!/bin/sh
# The .NET binding's tests, run as a user runs parley: build and pack the NuGet package, install it
# into a clean folder with nuget, compile the tests against the installed Parley.dll and run them
# with mono from a folder holding only what the package installed.
#   bindings/dotnet/run_tests.sh <libparley.so.1> <work dir>
# Prints the runner's closing "N passed, N failed" line; exits 77 (skipped) without mcs, mono or nuget.
set -eu
if [ $# -ne 2 ]; then
  echo "usage: $0 <libparley.so.1> <work dir>" >&2
  exit 2
fi
library=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
for tool in mcs mono nuget; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "PARLEY_TEST_SKIPPED: $tool is not installed (Debian: mono-mcs, mono-runtime, nuget)"
    exit 77
  fi
done

rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)

# 1. Build Parley.dll and pack Parley.<version>.nupkg.
"$here/build.sh" "$library" "$work/package" >/dev/null

# 2. Install it from that folder, as a user installs it from a feed.
HOME="$work/nuget-home" nuget install Parley -Source "$work/package" -OutputDirectory "$work/installed" \
  -NonInteractive -Verbosity quiet
installed=$(echo "$work"/installed/Parley.*)
[ -f "$installed/lib/net45/Parley.dll" ] || { echo "run_tests: nuget installed no Parley.dll" >&2; exit 1; }

# 3. The one step a user does: put the assembly, its dll map and the native library in the program's folder.
app="$work/app"
mkdir -p "$app"
cp "$installed"/lib/net45/Parley.dll "$installed"/lib/net45/Parley.dll.config "$app/"
cp "$installed/runtimes/linux-x64/native/libparley.so.1" "$app/"

# 4. Compile the tests against the installed assembly.
mcs -target:exe -warn:4 -warnaserror+ -nologo -out:"$app/ParleyTests.exe" -r:"$app/Parley.dll" \
  -r:System.Runtime.Serialization.dll -r:System.Xml.dll -r:System.Xml.Linq.dll -r:System.Core.dll \
  "$here"/tests/*.cs

# 5. Run them, with nothing from the build tree on the library path. A library built with
# sanitizers (the asan-ubsan preset) needs their runtimes loaded first: preload them, leave mono's
# own SIGSEGV handling (null references) to mono and its allocations out of the leak check.
preload=""
for runtime in libasan libubsan; do
  found=$(ldd "$app/libparley.so.1" | sed -n "s/^[[:space:]]*$runtime\.so[^ ]* => \([^ ]*\) .*/\1/p" | head -n 1)
  [ -n "$found" ] && preload="$preload $found"
done
cd "$app"
if [ -n "$preload" ]; then
  export LD_PRELOAD="${preload# }"
  export ASAN_OPTIONS="detect_leaks=0:handle_segv=0:allow_user_segv_handler=1:use_sigaltstack=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
fi
env -u LD_LIBRARY_PATH mono --debug ParleyTests.exe "$root/samples" "$work/scratch"

# 6. The C# example, compiled and run the same way: the sample call into a fresh store, then the
# manager's home page (figures as tests/examples/check_c_example.sh derives them from the VTT).
mcs -target:exe -warnaserror+ -nologo -out:"$app/HomePage.exe" -r:"$app/Parley.dll" -r:System.Core.dll \
  "$root/examples/csharp/HomePage.cs"
page=$(env -u LD_LIBRARY_PATH mono HomePage.exe "$root/samples" "$work/example.db")
for expected in "HOME PAGE - team of" "Calls recorded +1 " "pricing +2 " "Contoso 360 +1 "; do
  if ! printf '%s\n' "$page" | grep -Eq "$expected"; then
    printf '%s\n' "$page" >&2
    echo "run_tests: examples/csharp/HomePage.cs printed no line matching '$expected'" >&2
    exit 1
  fi
done
echo "examples/csharp/HomePage.cs: the home page shows the sample call's figures"

# 7. The README's C# first program, its statements inside a Main, run beside a copy of the sample
# call: the talk ratio 100.6 s / 221.6 s, as above.
program=$(sh "$root/tests/examples/readme_program.sh" "$root/README.md" csharp)
directive='^using [A-Za-z.]+;$'
{
  echo "using System;"
  printf '%s\n' "$program" | grep -E "$directive"
  echo "static class FirstProgram { static void Main() {"
  printf '%s\n' "$program" | grep -vE "$directive"
  echo "} }"
} >"$work/FirstProgram.cs"
mcs -target:exe -warnaserror+ -nologo -out:"$app/FirstProgram.exe" -r:"$app/Parley.dll" "$work/FirstProgram.cs"
cp "$root/samples/discovery-call.vtt" "$app/call.vtt"
cp "$root/samples/terms.tsv" "$app/terms.tsv"
first=$(env -u LD_LIBRARY_PATH mono FirstProgram.exe)
case "$first" in
  0.4539*) echo "README.md: the C# first program prints the sample call's talk ratio" ;;
  *)
    echo "run_tests: the README's C# program printed '$first', not the talk ratio 0.4539..." >&2
    exit 1
    ;;
esac
