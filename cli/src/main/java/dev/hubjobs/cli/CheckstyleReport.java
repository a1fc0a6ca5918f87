package dev.hubjobs.cli;

import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.text.LineMap;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Checkstyle XML, which many CI services and review bots read. File names and messages are
 * {@linkplain Printable escaped}: XML 1.0 has no way to write most control characters at all.
 */
final class CheckstyleReport implements Report {

    @Override
    public void write(List<FileResult> results, PrintWriter out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory()
                    .createXMLStreamWriter(out); // the JDK's own, whatever else is on the class path
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("checkstyle");
            xml.writeAttribute("version", "4.3");
            xml.writeCharacters("\n");
            for (FileResult r : results) {
                xml.writeCharacters("  ");
                if (r.diagnostics().isEmpty()) {
                    xml.writeEmptyElement("file");
                    xml.writeAttribute("name", Printable.escape(r.path()));
                    xml.writeCharacters("\n");
                    continue;
                }
                xml.writeStartElement("file");
                xml.writeAttribute("name", Printable.escape(r.path()));
                xml.writeCharacters("\n");
                for (Diagnostic d : r.diagnostics()) {
                    LineMap.Position p = r.lines().humanPosition(d.span().start());
                    xml.writeCharacters("    ");
                    xml.writeEmptyElement("error");
                    xml.writeAttribute("line", Integer.toString(p.line()));
                    xml.writeAttribute("column", Integer.toString(p.column()));
                    // Checkstyle's own severities are error, warning and info: the same words.
                    xml.writeAttribute("severity", d.severity().label());
                    xml.writeAttribute("message", Printable.escape(d.message()));
                    xml.writeAttribute("source", "hubjobs." + d.code());
                    xml.writeCharacters("\n");
                }
                xml.writeCharacters("  ");
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            out.println();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write checkstyle XML: " + e.getMessage(), e);
        }
    }
}
