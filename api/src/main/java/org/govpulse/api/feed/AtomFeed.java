package org.govpulse.api.feed;

import static org.govpulse.core.table.Col.*;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.govpulse.api.delta.Record;
import org.govpulse.models.warn.Level;

/** The warnings as an Atom 1.0 feed (RFC 4287), in Chinese or English, for feed readers and mail gateways. */
public final class AtomFeed {
  static final String NS = "http://www.w3.org/2005/Atom";

  private AtomFeed() {}

  /**
   * The feed document.
   *
   * @param warnings entries, latest change first
   * @param chinese titles and summaries in Chinese, else English
   * @param base absolute URL of the server (http://host:port), for links
   * @param self the feed's own path and query
   * @param regionName name of a region code in the feed's language
   */
  public static String render(List<Record> warnings, boolean chinese, String base, String self,
      Function<String, String> regionName) {
    try {
      StringWriter out = new StringWriter();
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("feed");
      x.writeDefaultNamespace(NS);
      x.writeAttribute("xml:lang", chinese ? "zh-CN" : "en");
      element(x, "id", "tag:govpulse,2026:warnings");
      element(x, "title", chinese ? "GovPulse 预警" : "GovPulse warnings");
      Instant updated = warnings.stream().map(w -> w.instant(UPDATED_AT)).max(Instant::compareTo)
          .orElse(Instant.EPOCH);
      element(x, "updated", updated.toString());
      link(x, "self", base + self, "application/atom+xml");
      x.writeStartElement("author");
      element(x, "name", "GovPulse");
      x.writeEndElement();
      for (Record w : warnings) {
        Level level = Level.parse(w.str(WARNING_LEVEL));
        x.writeStartElement("entry");
        element(x, "id", "tag:govpulse,2026:warning:" + w.str(WARNING_ID));
        String title = chinese ? w.str(TITLE_ZH) : w.str(TITLE_EN);
        element(x, "title", "[" + (chinese ? level.zh() : level.code()) + "] " + title);
        element(x, "updated", w.instant(UPDATED_AT).toString());
        element(x, "published", w.instant(FIRST_RAISED_AT).toString());
        link(x, "alternate", base + "/api/v1/warnings/" + w.str(WARNING_ID), "application/json");
        category(x, level.code(), chinese ? level.zh() : level.code());
        category(x, w.str(KIND), w.str(KIND));
        category(x, "status:" + w.str(STATUS), w.str(STATUS));
        category(x, "region:" + w.str(REGION_CODE), regionName.apply(w.str(REGION_CODE)));
        x.writeStartElement("summary");
        x.writeAttribute("type", "text");
        x.writeCharacters(chinese ? w.str(EXPLANATION_ZH) : w.str(EXPLANATION_EN));
        x.writeEndElement();
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
      return out.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing the Atom feed", e);
    }
  }

  private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(text == null ? "" : text);
    x.writeEndElement();
  }

  private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
    x.writeEmptyElement("link");
    x.writeAttribute("rel", rel);
    x.writeAttribute("href", href);
    x.writeAttribute("type", type);
  }

  private static void category(XMLStreamWriter x, String term, String label) throws XMLStreamException {
    x.writeEmptyElement("category");
    x.writeAttribute("term", term);
    x.writeAttribute("label", label == null ? term : label);
  }
}
