package io.pygrpc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import io.pygrpc.PygrpcException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@code -d} data: JSON values one after another; none at all is no request. */
class JsonRequestsTest {

  @Test
  void nothingOrWhitespace_holdsNoRequest() {
    for (String data : new String[] {"", " ", "\n\n", " \t\r\n "}) {
      JsonRequests requests = new JsonRequests(new StringReader(data));
      assertFalse(requests.hasNext(), "[" + data + "]");
      assertFalse(requests.hasNext(), "asked again: [" + data + "]");
      assertThrows(NoSuchElementException.class, requests::next);
    }
  }

  @Test
  void ndjsonAndConcatenatedValues_comeOneByOne() {
    assertEquals(List.of("{\"a\":1}", "{\"b\":2}", "{}"),
        all("{\"a\": 1}\n{\"b\": 2}\n\n{}\n"));
    assertEquals(List.of("{\"a\":1}", "{}"), all("{\"a\":1}{}"));
    assertEquals(List.of("{}"), all("  {}  "));
  }

  @Test
  void brokenJson_isReportedAsNotJson_evenAfterGoodValues() {
    JsonRequests truncated = new JsonRequests(new StringReader("{\"a\": 1} {\"b\":"));
    assertTrue(truncated.hasNext());
    assertEquals("{\"a\":1}", truncated.next().toString());
    PygrpcException e = assertThrows(PygrpcException.class, () -> {
      truncated.hasNext();
      truncated.next();
    });
    assertTrue(e.getMessage().startsWith("-d: not JSON: "), e.getMessage());
    PygrpcException stray = assertThrows(PygrpcException.class,
        () -> all("{} ]"));
    assertTrue(stray.getMessage().startsWith("-d: not JSON: "), stray.getMessage());
  }

  private static List<String> all(String data) {
    List<String> out = new ArrayList<>();
    JsonRequests requests = new JsonRequests(new StringReader(data));
    while (requests.hasNext()) {
      JsonElement next = requests.next();
      out.add(next.toString());
    }
    return out;
  }
}
