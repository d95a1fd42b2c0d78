package forumkb.digest;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) in the test JVM on a port of its own, which it keeps
 * across {@link #stop()} and {@link #start()} so a test can take the server down and
 * bring it back.
 */
public final class MailServer {

	private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_\\-.]+)");

	private final ServerSetup setup;

	private GreenMail greenMail;

	public MailServer() {
		try (ServerSocket socket = new ServerSocket(0)) {
			setup = new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		start();
	}

	public int port() {
		return setup.getPort();
	}

	void start() {
		greenMail = new GreenMail(setup);
		greenMail.start();
	}

	void stop() {
		greenMail.stop();
		greenMail = null;
	}

	boolean running() {
		return greenMail != null;
	}

	/**
	 * Every mail received so far to the address (all received before a restart are gone).
	 */
	List<MimeMessage> to(String address) {
		return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	/** How many digests (not confirmations) the address received. */
	public long digests(String address) {
		return to(address).stream().filter(mail -> {
			try {
				return mail.getSubject().startsWith("forumkb digest")
						|| mail.getSubject().startsWith("Regression alert");
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).count();
	}

	/**
	 * The parts of a message, depth first, so a test can pick the text, the HTML or the
	 * image.
	 */
	static List<Part> parts(Part part) {
		List<Part> parts = new ArrayList<>();
		try {
			parts.add(part);
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					parts.addAll(parts(child));
				}
			}
		}
		catch (IOException | jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
		return parts;
	}

	/** The message's first part of the type. */
	static Part part(MimeMessage message, String type) {
		return parts(message).stream().filter(part -> {
			try {
				return part.isMimeType(type);
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).findFirst().orElseThrow(() -> new AssertionError("no " + type + " part"));
	}

	/** The message's part of the type (text/plain, text/html) as text. */
	static String text(MimeMessage message, String type) {
		try {
			for (Part part : parts(message)) {
				if (part.isMimeType(type) && part.getContent() instanceof String text) {
					return text.replace("\r\n", "\n");
				}
			}
		}
		catch (IOException | jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
		throw new AssertionError("no " + type + " part");
	}

	/** The signed token of the first link in the mail's text that carries one. */
	static String token(MimeMessage message) {
		Matcher matcher = TOKEN.matcher(text(message, "text/plain"));
		if (!matcher.find()) {
			throw new AssertionError("no link with a token in the mail");
		}
		return matcher.group(1);
	}

}
