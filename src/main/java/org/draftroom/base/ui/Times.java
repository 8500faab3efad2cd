package org.draftroom.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;

/**
 * How views write times: in the committee's time zone, to the minute, as {@code 2026-12-06 13:00} in both languages
 * (also in the date and time pickers, see {@link #styled}); a missing time is a dash. The zone is named for people
 * ("北京时间", "China Standard Time (UTC+8)"), not by its identifier.
 */
public final class Times {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Zones whose people call their time 北京时间. */
    private static final Set<String> BEIJING_TIME = Set.of("Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin",
            "Asia/Urumqi", "PRC");

    private Times() {
    }

    public static String minutes(Instant instant, ZoneId zone) {
        return instant == null ? "—" : MINUTES.format(instant.atZone(zone));
    }

    /** The zone as people name it in this language: "北京时间", "China Standard Time (UTC+8)". */
    public static String zoneName(ZoneId zone, Locale locale) {
        boolean chinese = "zh".equals(locale.getLanguage());
        if (chinese && BEIJING_TIME.contains(zone.getId())) {
            return "北京时间";
        }
        ZoneOffset offset = zone.getRules().getStandardOffset(Instant.EPOCH);
        String utc = "UTC" + (offset.getTotalSeconds() == 0 ? "" : offset.getId().replaceFirst(":00$", "")
                .replaceFirst("^([+-])0", "$1"));
        String name = TimeZone.getTimeZone(zone).getDisplayName(false, TimeZone.LONG, locale);
        if (name.startsWith("GMT")) {
            name = zone.getDisplayName(TextStyle.FULL, locale);
        }
        return chinese ? name + "（" + utc + "）" : name + " (" + utc + ")";
    }

    /** A time followed by the zone's name: "2026-11-28 18:00 (China Standard Time (UTC+8))" → see {@link #zoneName}. */
    public static String minutesWithZone(Instant instant, ZoneId zone, Locale locale) {
        String name = zoneName(zone, locale);
        return minutes(instant, zone) + ("zh".equals(locale.getLanguage()) ? " " + name : ", " + name);
    }

    /** Makes a picker write dates and times as the screens do: 2026-12-06 and 13:00, months in the UI's language. */
    public static DateTimePicker styled(DateTimePicker picker, Locale locale) {
        picker.setLocale(pickerLocale(locale));
        picker.setDatePickerI18n(i18n(locale));
        return picker;
    }

    public static DatePicker styled(DatePicker picker, Locale locale) {
        picker.setLocale(pickerLocale(locale));
        picker.setI18n(i18n(locale));
        return picker;
    }

    /** English with a 24-hour clock (the UK's conventions); Chinese as it is. */
    private static Locale pickerLocale(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.UK;
    }

    private static DatePicker.DatePickerI18n i18n(Locale locale) {
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd");
        if ("zh".equals(locale.getLanguage())) {
            i18n.setMonthNames(List.of("一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月",
                            "十一月", "十二月"))
                    .setWeekdays(List.of("星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"))
                    .setWeekdaysShort(List.of("日", "一", "二", "三", "四", "五", "六"))
                    .setToday("今天").setCancel("取消").setFirstDayOfWeek(1);
        } else {
            i18n.setFirstDayOfWeek(1);
        }
        return i18n;
    }
}
