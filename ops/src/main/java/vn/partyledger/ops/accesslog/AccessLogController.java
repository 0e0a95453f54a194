package vn.partyledger.ops.accesslog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.ops.security.AccessLog;

/** The access log for operators: who called what, with which grant, on which organisation, and the answer. */
@RestController
@Tag(name = "Operations")
class AccessLogController {

    private final JdbcTemplate jdbc;
    private final AccessLog log;

    AccessLogController(JdbcTemplate jdbc, AccessLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    /**
     * A page as every list has, but without {@code total}: a year of requests is kept (hundreds of millions of rows on
     * a busy node), and counting them under each page would cost far more than the page.
     */
    record Page(List<AccessLog.Entry> items, int page, int size) {
    }

    @GetMapping("/api/v1/ops/access-log")
    @Operation(summary = "Authenticated requests, newest first, filtered by user, organisation, status and time")
    Page accessLog(@RequestParam(required = false) String userId,
                   @RequestParam(required = false) String organizationId,
                   @RequestParam(required = false) @Min(100) @Max(599) Integer status,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                   @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                   @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        log.flush();
        StringBuilder sql = new StringBuilder("""
                SELECT at, user_id, username, grant_role, grant_org_id, method, path, organization_id, status, duration_ms
                FROM access_log WHERE true""");
        List<Object> args = new ArrayList<>();
        if (userId != null) {
            sql.append(" AND user_id = ?");
            args.add(userId);
        }
        if (organizationId != null) {
            sql.append(" AND organization_id = ?");
            args.add(organizationId);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status);
        }
        if (from != null) {
            sql.append(" AND at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND at < ?");
            args.add(Timestamp.from(to));
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ? OFFSET ?");
        args.add(size);
        args.add((long) page * size);
        List<AccessLog.Entry> entries = jdbc.query(sql.toString(), (rs, i) -> new AccessLog.Entry(
                rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getLong(10)), args.toArray());
        return new Page(entries, page, size);
    }
}
