package dev.watchfloor.governance.policy.document;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Activity on the targets is sanctioned from {@code start} on each of {@code days} until {@code end}, in
 * {@code timezone}. A window whose end is at or before its start runs past midnight and belongs to the day it started.
 *
 * @param targets
 *            entity globs "type:value"
 * @param reason
 *            why; {@code null} when the policy gives none
 */
public record ChangeWindow(String name, Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId timezone,
        List<String> targets, String reason) {

    public ChangeWindow {
        days = Set.copyOf(days);
        targets = List.copyOf(targets);
    }

    boolean covers(String entity, Instant at) {
        return Glob.any(targets, entity) && isOpen(at);
    }

    boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(timezone);
        LocalTime time = local.toLocalTime();
        DayOfWeek day = local.getDayOfWeek();
        if (start.isBefore(end)) {
            return days.contains(day) && !time.isBefore(start) && time.isBefore(end);
        }
        boolean startedToday = days.contains(day) && !time.isBefore(start);
        boolean startedYesterday = days.contains(day.minus(1)) && time.isBefore(end);
        return startedToday || startedYesterday;
    }

    String describe() {
        String dayList = days.stream().sorted().map(d -> d.name().substring(0, 3).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
        return reason != null ? reason : "change window " + dayList + " " + start + "-" + end + " " + timezone.getId();
    }
}
