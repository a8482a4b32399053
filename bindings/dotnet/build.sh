#!/bin/sh
# Builds Parley.dll with mcs and packs the NuGet package Parley.<version>.nupkg into <out dir>,
# with the given shared library as runtimes/linux-x64/native/libparley.so.1.
#   bindings/dotnet/build.sh <path to libparley.so.1> <out dir>
set -eu
if [ $# -ne 2 ]; then
  echo "usage: $0 <libparley.so.1> <out dir>" >&2
  exit 2
fi
library=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
[ -f "$library" ] || { echo "$0: no shared library at '$library'" >&2; exit 1; }

# The package version is the C header's (the binding wraps exactly that ABI).
macro() { sed -n "s/^#define PARLEY_VERSION_$1 \([0-9][0-9]*\).*/\1/p" "$root/capi/parley.h"; }
version="$(macro MAJOR).$(macro MINOR).$(macro PATCH)"

stage="$out/stage"
rm -rf "$stage"
mkdir -p "$stage/lib/net45" "$stage/runtimes/linux-x64/native"
mcs -target:library -unsafe- -optimize+ -warn:4 -warnaserror+ -nologo \
  -out:"$stage/lib/net45/Parley.dll" -doc:"$stage/lib/net45/Parley.xml" -nowarn:1591 \
  -r:System.Runtime.Serialization.dll -r:System.Xml.dll -r:System.Xml.Linq.dll \
  "$here"/src/*.cs
cp "$here/Parley.dll.config" "$stage/lib/net45/Parley.dll.config"
cp "$library" "$stage/runtimes/linux-x64/native/libparley.so.1"
cp "$root/LICENSE" "$stage/LICENSE.txt"
cp "$here/Parley.nuspec" "$stage/Parley.nuspec"

# NuGet keeps its caches and settings under HOME; a build must not depend on (or touch) the user's.
HOME="$out/nuget-home" nuget pack "$stage/Parley.nuspec" -Version "$version" -BasePath "$stage" \
  -OutputDirectory "$out" -NoPackageAnalysis -NonInteractive -Verbosity quiet
echo "$out/Parley.$version.nupkg"
