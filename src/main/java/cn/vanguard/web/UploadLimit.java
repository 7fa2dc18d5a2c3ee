package cn.vanguard.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * An upload larger than spring.servlet.multipart allows goes back to the page it came from with a Chinese message
 * naming the limit. The check runs before Spring Security: otherwise the form's CSRF token, in the body the server
 * refused to read, is missing, and the user sees a 403 in English instead of what happened. The server reads (and
 * discards) up to server.tomcat.max-swallow-size of such a request, so that the browser receives the answer.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimit {

    /** Just before Spring Security's filters (-100), after the session's. */
    static final int ORDER = -101;

    /** The one page that takes larger files: a ledger of a million rows is about 60 MB of CSV (LedgerImport.WEB). */
    static final String LEDGER_IMPORT = "/entries/import";

    @Bean
    FilterRegistrationBean<Filter> uploadLimitFilter(@Value("${vanguard.upload.max-file-size}") DataSize file,
                                                     @Value("${vanguard.upload.max-request-size}") DataSize request,
                                                     @Value("${spring.servlet.multipart.max-file-size}") DataSize ledgerFile,
                                                     @Value("${spring.servlet.multipart.max-request-size}") DataSize ledgerRequest) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(file, request, ledgerFile, ledgerRequest));
        registration.setOrder(ORDER);
        return registration;
    }

    /**
     * The container reads uploads up to spring.servlet.multipart's limits, which are the ledger import's; every other
     * page is held to vanguard.upload's smaller ones here, before anything reads the upload.
     */
    static final class Filter extends OncePerRequestFilter {
        private final long maxFile;
        private final long maxRequest;
        private final String message;
        private final String ledgerMessage;

        Filter(DataSize file, DataSize request, DataSize ledgerFile, DataSize ledgerRequest) {
            this.maxFile = file.toBytes();
            this.maxRequest = request.toBytes();
            this.message = message(file, request);
            this.ledgerMessage = message(ledgerFile, ledgerRequest);
        }

        private static String message(DataSize file, DataSize request) {
            return "上传的文件超过 " + file.toMegabytes() + " MB 的上限（一次上传的文件合计不超过 " + request.toMegabytes()
                    + " MB），没有导入任何内容。请把文件改小（例如分成几个文件）后重新上传。";
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String type = request.getContentType();
            if ("POST".equals(request.getMethod()) && type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                boolean ledger = LEDGER_IMPORT.equals(request.getRequestURI().substring(request.getContextPath().length()));
                try {
                    long total = 0;
                    boolean over = false;
                    for (Part part : request.getParts()) {
                        total += part.getSize();
                        over |= part.getSize() > maxFile;
                    }
                    if (!ledger && (over || total > maxRequest)) {
                        refuse(request, response, message);
                        return;
                    }
                } catch (IllegalStateException e) {
                    if (tooLarge(e)) {
                        refuse(request, response, ledger ? ledgerMessage : message);
                        return;
                    }
                    throw e;
                }
            }
            chain.doFilter(request, response);
        }

        /** As Spring's multipart resolver tells a size limit from other failures of the container's parser. */
        private static boolean tooLarge(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                if (text.contains("exceed") && (text.contains("size") || text.contains("length"))) {
                    return true;
                }
            }
            return false;
        }

        /** Back to the form's page on this site (the referring path, never another host), the message in the flash. */
        private void refuse(HttpServletRequest request, HttpServletResponse response, String message) {
            String target = request.getRequestURI();
            String referer = request.getHeader("Referer");
            if (referer != null) {
                try {
                    URI uri = URI.create(referer);
                    if (uri.getRawPath() != null && uri.getRawPath().startsWith("/") && !uri.getRawPath().startsWith("//")
                            && (uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName()))) {
                        target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                    }
                } catch (IllegalArgumentException ignored) {
                    // a malformed Referer: back to the address posted to
                }
            }
            FlashMap flash = new FlashMap();
            flash.put("flashError", message);
            flash.setTargetRequestPath(target.contains("?") ? target.substring(0, target.indexOf('?')) : target);
            new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", target);
        }
    }
}
