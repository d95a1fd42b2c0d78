package forumkb.web;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * An Atom feed (RFC 4287), for people who follow a symptom or the known issues in a feed
 * reader. Written with a streaming XML writer, so titles and snippets from forum posts
 * are escaped whatever they hold.
 */
public record AtomFeed(String id, String title, String alternate, Instant updated, List<Entry> entries) {

	public static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private static final String NAMESPACE = "http://www.w3.org/2005/Atom";

	/** One item: its link is also its id; {@code updated} may be null (the feed's). */
	public record Entry(String link, String title, Instant updated, String summary) {
	}

	/**
	 * A feed updated when its newest entry was, or now without one; {@code id} is the
	 * feed's address, {@code alternate} the page it follows.
	 */
	public static AtomFeed of(String id, String title, String alternate, List<Entry> entries) {
		Instant updated = entries.stream()
			.map(Entry::updated)
			.filter(Objects::nonNull)
			.max(Instant::compareTo)
			.orElseGet(Instant::now);
		return new AtomFeed(id, title, alternate, updated, entries);
	}

	/**
	 * A page's link to its feed ({@code <link rel="alternate">}), found by feed readers
	 * and browsers; the layout writes it when the model has one as {@code feed}.
	 */
	public record Link(String href, String title) {

		/**
		 * The feed at {@code path} (with {@code q} when given), as an absolute address.
		 */
		public static Link to(String path, String query, String title) {
			var address = ServletUriComponentsBuilder.fromCurrentContextPath().path(path);
			if (query != null) {
				address.queryParam("q", query);
			}
			return new Link(address.encode().toUriString(), title);
		}
	}

	/** The feed as an HTTP answer; {@code id} is also the feed's own (self) link. */
	public ResponseEntity<String> response() {
		return ResponseEntity.ok().contentType(ATOM).body(xml());
	}

	public String xml() {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("feed");
			xml.writeDefaultNamespace(NAMESPACE);
			element(xml, "id", id);
			element(xml, "title", title);
			element(xml, "updated", updated.toString());
			link(xml, "self", id);
			link(xml, "alternate", alternate);
			xml.writeStartElement("author");
			element(xml, "name", "forumkb");
			xml.writeEndElement();
			for (Entry entry : entries) {
				xml.writeStartElement("entry");
				element(xml, "id", entry.link());
				element(xml, "title", entry.title() == null || entry.title().isBlank() ? "(untitled)" : entry.title());
				element(xml, "updated", (entry.updated() == null ? updated : entry.updated()).toString());
				link(xml, "alternate", entry.link());
				if (entry.summary() != null && !entry.summary().isBlank()) {
					element(xml, "summary", entry.summary());
				}
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("writing an Atom feed to a string failed", e);
		}
		return out.toString();
	}

	/**
	 * Control characters other than tab and line breaks cannot appear in XML 1.0 at all,
	 * not even escaped; forum text sometimes has them.
	 */
	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", ""));
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("href", href);
	}

}
