package io.liangshai.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/liangshai}: one entry point, one subcommand per thing a person does. */
@Command(
    name = "liangshai",
    mixinStandardHelpOptions = true,
    description = "晾晒: enterprise-problem cases in, indicators, league tables and bulletins out.",
    subcommands = {
      RunCommand.class,
      ClusterCommand.class,
      DemoCommand.class,
      GenerateCommand.class,
      BenchCommand.class,
      UploadCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      RebuildCommand.class
    })
public final class Liangshai {

  public static void main(String[] args) {
    int code =
        new CommandLine(new Liangshai())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                  cmd.getErr().println("liangshai: " + rootMessage(e));
                  return 1;
                })
            .execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String msg = t.getMessage();
    return msg == null ? t.toString() : msg;
  }
}
