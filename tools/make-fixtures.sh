#!/usr/bin/env bash
# Regenerates every file made by protoc that the project commits: the example scripts' _pb2
# modules, the demo server's descriptor set, and the _pb2 fixtures of each protoc generation
# that the tests read. Needs Debian's protobuf-compiler and python3-grpc-tools (protoc 3.21 and
# grpc_tools' protoc 3.5); run it after changing anything under protos/.
set -euo pipefail
cd "$(dirname "$0")/.."
protos=protos
fixtures=host/src/test/resources/pb2
demo=host/src/main/resources/io/pygrpc/demo

rm -rf "$fixtures" && mkdir -p "$fixtures"/{modern,v3_5,beta2015,v5} "$demo"

# The example scripts: today's protoc output, helloworld compiled as the gRPC examples do.
protoc -I"$protos/helloworld" --python_out=scripts helloworld.proto
protoc -I"$protos" --python_out=scripts demo/common.proto demo/echo.proto demo/route.proto
python3 -m grpc_tools.protoc -I"$protos/helloworld" --grpc_python_out=scripts helloworld.proto
# The embedding example keeps its own copy: its sandbox reads only scripts/embed.
protoc -I"$protos/helloworld" --python_out=scripts/embed helloworld.proto

# The demo server's schema.
protoc -I"$protos/helloworld" -I"$protos" --include_imports --include_source_info \
  --descriptor_set_out="$demo/demo.protoset" helloworld.proto demo/echo.proto demo/route.proto

# What protoc makes of the compiler test protos: the Java .proto compiler must match it.
protoc -I"$protos" --include_imports --descriptor_set_out=host/src/test/resources/compiler.protoset \
  compiler/proto3.proto compiler/proto2.proto compiler/deep/uses.proto helloworld/helloworld.proto \
  demo/echo.proto

# protoc 3.20+ form: AddSerializedFile(b'...').
protoc -I"$protos/helloworld" --python_out="$fixtures/modern" helloworld.proto
protoc -I"$protos" --python_out="$fixtures/modern" demo/common.proto demo/echo.proto \
  demo/route.proto
# protoc 3.5 (grpc_tools) form: serialized_pb=_b('...'), plus the _pb2_grpc stub module.
python3 -m grpc_tools.protoc -I"$protos/helloworld" --python_out="$fixtures/v3_5" \
  --grpc_python_out="$fixtures/v3_5" helloworld.proto
python3 -m grpc_tools.protoc -I"$protos" --python_out="$fixtures/v3_5" demo/common.proto demo/echo.proto

# Forms no installable protoc here still writes, rebuilt from the real descriptor bytes.
python3 tools/pb2_forms.py "$fixtures" "$protos/helloworld/helloworld.proto"
echo "fixtures written under $fixtures, $demo and scripts/"
