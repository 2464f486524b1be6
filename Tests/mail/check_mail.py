"""Reads the messages the SMTP sink received and prints one JSON object per message: envelope
and header recipients, subject, whether the text holds any of the forbidden words, and for the
.ics attachment (parsed with Python's icalendar) the METHOD, VEVENT count, UID, SEQUENCE,
DTSTART's time zone and local time, STATUS, SUMMARY and DESCRIPTION; and the text part.

    python3 check_mail.py OUTDIR FORBIDDEN...
"""
import email
import glob
import json
import os
import sys
from email import policy

import icalendar


def main():
    outdir, forbidden = sys.argv[1], sys.argv[2:]
    for path in sorted(glob.glob(os.path.join(outdir, "*.eml"))):
        raw = open(path, "rb").read()
        message = email.message_from_bytes(raw, policy=policy.default)
        rcpt = open(path[:-4] + ".rcpt").read().split()
        texts = [raw.decode("utf-8", "replace"), str(message["Subject"])]
        calendars = []
        body = None
        for part in message.walk():
            if part.get_content_maintype() == "multipart":
                continue
            content = part.get_content()
            if isinstance(content, bytes):
                content = content.decode("utf-8")
            texts.append(content)
            if part.get_content_type() == "text/plain" and body is None:
                body = content
            if part.get_content_type() == "text/calendar":
                cal = icalendar.Calendar.from_ical(content)
                events = [c for c in cal.walk() if c.name == "VEVENT"]
                zones = [str(c.get("TZID")) for c in cal.walk() if c.name == "VTIMEZONE"]
                e = events[0] if events else {}
                start = e.get("DTSTART") if events else None
                calendars.append({
                    "method": str(cal.get("METHOD")),
                    "part_method": part.get_param("method"),
                    "events": len(events),
                    "uid": str(e.get("UID")) if events else None,
                    "sequence": int(e.get("SEQUENCE", 0)) if events else None,
                    "status": str(e.get("STATUS")) if events and e.get("STATUS") else None,
                    "summary": str(e.get("SUMMARY")) if events and e.get("SUMMARY") else None,
                    "description": str(e.get("DESCRIPTION")) if events and e.get("DESCRIPTION") else None,
                    "tzid": start.params.get("TZID") if start is not None else None,
                    "start": start.dt.strftime("%Y-%m-%d %H:%M") if start is not None else None,
                    "start_utc_offset": start.dt.utcoffset().total_seconds() if start is not None and start.dt.utcoffset() is not None else None,
                    "timezones": zones,
                    "attendees": [str(a) for a in (e.get("ATTENDEE") if isinstance(e.get("ATTENDEE"), list) else [e.get("ATTENDEE")] if e.get("ATTENDEE") else [])],
                })
        blob = "\n".join(texts).lower()
        print(json.dumps({
            "file": os.path.basename(path),
            "rcpt": rcpt,
            "to": str(message["To"]),
            "subject": str(message["Subject"]),
            "leaks": [w for w in forbidden if w.lower() in blob],
            "calendars": calendars,
            "body": body,
        }, ensure_ascii=False))


if __name__ == "__main__":
    main()
