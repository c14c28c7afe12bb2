package io.pygrpc.launcher;

import io.pygrpc.guest.Prompt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive prompt on a terminal, through JLine: line editing, history kept between
 * sessions (in pygrpc's cache folder), and Tab completion from the Python side.
 */
final class TerminalPrompt implements Prompt, AutoCloseable {
  /** The text completion replaces: the trailing name, dotted path or method name. */
  private static final Pattern TOKEN = Pattern.compile("[\\w./]*$");

  private final Terminal terminal;
  private final LineReader reader;
  private volatile Function<String, List<String>> completer = buffer -> List.of();

  TerminalPrompt(Path history) {
    try {
      terminal = TerminalBuilder.builder().system(true).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
    }
    DefaultParser parser = new DefaultParser();
    parser.setQuoteChars(new char[0]); // Python's quotes are Python's business
    parser.setEscapeChars(new char[0]);
    reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("pygrpc")
        .parser(parser)
        .variable(LineReader.HISTORY_FILE, history)
        .completer((lineReader, line, candidates) -> {
          String before = line.line().substring(0, line.cursor());
          String word = line.word().substring(0, line.wordCursor());
          // JLine replaces the whole word; the Python side answers for its trailing token.
          Matcher token = TOKEN.matcher(word);
          String keep = token.find() ? word.substring(0, token.start()) : word;
          for (String name : completer.apply(before)) {
            candidates.add(new Candidate(keep + name, name, null, null, null, null, false));
          }
        })
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .build();
  }

  @Override
  public String readLine(String prompt) {
    try {
      return reader.readLine(prompt);
    } catch (UserInterruptException e) {
      throw new Interrupted();
    } catch (EndOfFileException e) {
      return null;
    }
  }

  @Override
  public void print(String text) {
    terminal.writer().print(text);
    terminal.writer().flush();
  }

  @Override
  public void complete(Function<String, List<String>> completion) {
    completer = completion;
  }

  @Override
  public void close() {
    try {
      reader.getHistory().save();
      terminal.close();
    } catch (IOException e) {
      // the history is a convenience
    }
  }
}
