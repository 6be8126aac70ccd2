package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code bin/liangshai} against the launcher's commands: every command the launcher has is one the
 * script passes on to it and names in its help, so none is reachable only from Java.
 */
class EntryScriptTest {

  private static final Path SCRIPT = Path.of("..", "bin", "liangshai");

  @Test
  void everyLauncherCommandIsDispatchedAndListedByTheScript() throws Exception {
    String script = Files.readString(SCRIPT);
    Matcher dispatched =
        Pattern.compile("(?m)^  ([a-z|]+)\\)\\n    check_prerequisites\\n    launch")
            .matcher(script);
    assertThat(dispatched.find()).as("the script's case that launches Java").isTrue();
    List<String> launched = Arrays.asList(dispatched.group(1).split("\\|"));
    Matcher help = Pattern.compile("'(\\d+),(\\d+)p' \"\\$0\"").matcher(script);
    assertThat(help.find()).as("the help's line range").isTrue();
    List<String> helpLines =
        script
            .lines()
            .toList()
            .subList(Integer.parseInt(help.group(1)) - 1, Integer.parseInt(help.group(2)));

    for (String command : new CommandLine(new Liangshai()).getSubcommands().keySet()) {
      assertThat(launched).as("dispatched by bin/liangshai").contains(command);
      assertThat(helpLines)
          .as("named in bin/liangshai help")
          .anyMatch(line -> line.startsWith("#   bin/liangshai " + command + " "));
    }
  }
}
