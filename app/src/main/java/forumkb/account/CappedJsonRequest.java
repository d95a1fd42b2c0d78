package forumkb.account;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A request whose body may not grow past a cap, for JSON sent without a Content-Length
 * (chunked): reading past it fails with {@link MaxUploadSizeExceededException}, answered
 * 413.
 */
final class CappedJsonRequest extends HttpServletRequestWrapper {

	private final long cap;

	private ServletInputStream capped;

	CappedJsonRequest(HttpServletRequest request, long cap) {
		super(request);
		this.cap = cap;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (capped == null) {
			capped = new Capped(super.getInputStream(), cap);
		}
		return capped;
	}

	private static final class Capped extends ServletInputStream {

		private final ServletInputStream in;

		private final long cap;

		private long read;

		Capped(ServletInputStream in, long cap) {
			this.in = in;
			this.cap = cap;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			read += n;
			if (read > cap) {
				throw new MaxUploadSizeExceededException(cap);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}
