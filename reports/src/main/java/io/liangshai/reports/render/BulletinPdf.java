package io.liangshai.reports.render;

import io.liangshai.reports.snapshot.BulletinSnapshot;
import io.liangshai.reports.snapshot.Wording;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Renders a snapshot to the bulletin PDF: A4, Chinese, the CJK font embedded (Identity-H) through
 * the font extension shipped in this module. Called once per bulletin, at publication.
 */
public final class BulletinPdf {

  private BulletinPdf() {}

  public static byte[] render(BulletinSnapshot snapshot) {
    BulletinTemplates templates = BulletinTemplates.get();
    Map<String, Object> parameters = PdfView.parameters(snapshot);
    parameters.put("RED_BLACK_REPORT", templates.redBlack);
    parameters.put("ANOMALIES_REPORT", templates.anomalies);
    parameters.put("OPEN_CASES_REPORT", templates.openCases);
    parameters.put("COMMON_PROBLEMS_REPORT", templates.commonProblems);
    parameters.putAll(SectionsView.parameters(snapshot));
    try {
      JasperPrint print =
          JasperFillManager.fillReport(
              templates.bulletin,
              parameters,
              new JRMapCollectionDataSource(GroupsView.groups(snapshot, templates.leagueTable)));
      return export(print, snapshot);
    } catch (JRException e) {
      throw new IllegalStateException("cannot render bulletin " + snapshot.id(), e);
    }
  }

  /** Compiles the templates now rather than at the first publication. */
  public static void warmUp() {
    BulletinTemplates.get();
  }

  private static byte[] export(JasperPrint print, BulletinSnapshot snapshot) throws JRException {
    SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
    config.setMetadataTitle(snapshot.title() + " 第" + snapshot.issueNo() + "期");
    config.setMetadataAuthor(Wording.issuer(snapshot.provinceName()));
    config.setMetadataSubject(snapshot.period());
    config.setMetadataCreator("liangshai " + snapshot.id());
    config.setDisplayMetadataTitle(true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JRPdfExporter exporter = new JRPdfExporter();
    exporter.setExporterInput(new SimpleExporterInput(print));
    exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
    exporter.setConfiguration(config);
    exporter.exportReport();
    return out.toByteArray();
  }
}
