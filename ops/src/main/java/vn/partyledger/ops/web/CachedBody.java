package vn.partyledger.ops.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A request body read once, up to the size limit, before anything else: access control finds an organisation in it
 * (a body field) before the controller reads it again.
 */
public final class CachedBody extends HttpServletRequestWrapper {

    private static final String ATTRIBUTE = CachedBody.class.getName();

    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
        request.setAttribute(ATTRIBUTE, body);
    }

    /** The body of the current request as read by the body filter, or null when it had none. */
    public static byte[] of(HttpServletRequest request) {
        return (byte[]) request.getAttribute(ATTRIBUTE);
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body is already read");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
