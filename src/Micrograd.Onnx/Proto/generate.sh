#!/usr/bin/env bash
# Regenerates Onnx.g.cs from onnx.proto with protoc from the NuGet package Google.Protobuf.Tools.
# onnx.proto is ONNX 1.12.0's (IR version 8), copied unchanged from Debian's python3-onnx 1.12.0-2
# (/usr/lib/python3/dist-packages/onnx/onnx.proto); Apache-2.0, see its SPDX header.
# The classes are generated internal, in namespace Micrograd.Onnx.Proto, so they are no part of the public API.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version=3.36.2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat > "$work/tools.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup><PackageReference Include="Google.Protobuf.Tools" Version="$version" /></ItemGroup>
</Project>
PROJ
dotnet restore "$work/tools.csproj" >/dev/null
packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
protoc="$packages/google.protobuf.tools/$version/tools/linux_x64/protoc"
chmod +x "$protoc"

# The namespace option goes into a copy, so that onnx.proto stays the file ONNX publishes.
sed 's/^package onnx;$/package onnx;\noption csharp_namespace = "Micrograd.Onnx.Proto";/' "$here/onnx.proto" > "$work/onnx.proto"
"$protoc" --proto_path="$work" --csharp_out="$work" --csharp_opt=internal_access,file_extension=.g.cs "$work/onnx.proto"
mv "$work/Onnx.g.cs" "$here/Onnx.g.cs"
echo "wrote $here/Onnx.g.cs"
