package io.pygrpc.launcher;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The requests of {@code pygrpc call -d}: JSON values one after another (NDJSON, or simply
 * concatenated, as grpcurl takes them), read one at a time, so that a client stream from stdin
 * is sent as it is typed. No data, or whitespace only, holds no request: a unary call then sends
 * the empty message and a client stream none, as grpcurl does.
 */
final class JsonRequests implements Iterator<JsonElement> {
  private final JsonReader json;

  JsonRequests(Reader reader) {
    json = new JsonReader(reader);
    json.setStrictness(Strictness.LENIENT); // more than one top-level value
  }

  @Override
  public boolean hasNext() {
    try {
      return json.peek() != JsonToken.END_DOCUMENT;
    } catch (EOFException e) {
      // Gson calls a document with no value at all an error; here it is simply no request.
      // (The end of input inside a value is reported by next().)
      return false;
    } catch (MalformedJsonException e) {
      throw notJson(e);
    } catch (IOException e) {
      throw new PygrpcException(Kind.VALUE, "-d: cannot read the data: " + e.getMessage(), e);
    }
  }

  @Override
  public JsonElement next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    try {
      return JsonParser.parseReader(json);
    } catch (JsonParseException e) {
      throw notJson(e);
    }
  }

  private static PygrpcException notJson(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return new PygrpcException(Kind.VALUE, "-d: not JSON: " + root.getMessage());
  }
}
