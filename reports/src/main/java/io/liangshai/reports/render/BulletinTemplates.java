package io.liangshai.reports.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/**
 * The bulletin's JasperReports templates ({@code templates/*.jrxml} beside this class), compiled
 * once per JVM on first use (a few seconds) and shared: a compiled report is immutable.
 */
final class BulletinTemplates {

  final JasperReport bulletin;
  final JasperReport leagueTable;
  final JasperReport redBlack;
  final JasperReport anomalies;
  final JasperReport openCases;
  final JasperReport commonProblems;

  private BulletinTemplates() {
    bulletin = compile("bulletin");
    leagueTable = compile("league-table");
    redBlack = compile("red-black");
    anomalies = compile("anomalies");
    openCases = compile("open-cases");
    commonProblems = compile("common-problems");
  }

  static BulletinTemplates get() {
    return Holder.INSTANCE;
  }

  private static JasperReport compile(String name) {
    String resource = "/io/liangshai/reports/templates/" + name + ".jrxml";
    try (InputStream in = BulletinTemplates.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing template " + resource);
      }
      return JasperCompileManager.compileReport(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JRException e) {
      throw new IllegalStateException("template " + resource + " does not compile", e);
    }
  }

  private static final class Holder {
    static final BulletinTemplates INSTANCE = new BulletinTemplates();
  }
}
