package io.pygrpc.descriptor;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.protobuf.AnyProto;
import com.google.protobuf.ApiProto;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.SourceContextProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.TypeProto;
import com.google.protobuf.WrappersProto;
import com.google.protobuf.compiler.PluginProtos;
import com.google.rpc.CodeProto;
import com.google.rpc.ErrorDetailsProto;
import com.google.rpc.StatusProto;
import java.util.List;
import org.junit.jupiter.api.Test;

class WellKnownFilesTest {
  @Test
  void everyBundledFile_isFoundByTheNameItDeclares() {
    for (FileDescriptor file : List.of(AnyProto.getDescriptor(), ApiProto.getDescriptor(),
        DescriptorProtos.getDescriptor(), DurationProto.getDescriptor(),
        EmptyProto.getDescriptor(), FieldMaskProto.getDescriptor(),
        SourceContextProto.getDescriptor(), StructProto.getDescriptor(),
        TimestampProto.getDescriptor(), TypeProto.getDescriptor(),
        WrappersProto.getDescriptor(), PluginProtos.getDescriptor(), CodeProto.getDescriptor(),
        ErrorDetailsProto.getDescriptor(), StatusProto.getDescriptor())) {
      assertSame(file, WellKnownFiles.get(file.getName()), file.getName());
    }
  }

  @Test
  void anyOtherName_isNotBundled() {
    assertNull(WellKnownFiles.get("helloworld.proto"));
    assertNull(WellKnownFiles.get("google/protobuf/unknown.proto"));
  }
}
