package dev.hubjobs.rules;

import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.Member;
import dev.hubjobs.text.Span;
import java.util.List;

/** Text edits on JSON objects that keep the document valid: insert and remove members with their commas. */
final class Edits {

    private Edits() {}

    /**
     * Inserts {@code memberText} ({@code "key": value}) as the first member of {@code object},
     * with the same line break and indentation as the member that follows it.
     */
    static TextEdit insertFirst(String text, JsonObject object, String memberText) {
        int open = object.span().start() + 1;
        List<Member> members = object.members();
        if (members.isEmpty()) {
            return new TextEdit(Span.at(open), memberText);
        }
        int first = members.get(0).key().span().start();
        String between = text.substring(open, first);
        String separator = between.isBlank() && !between.isEmpty() ? between : " ";
        return new TextEdit(Span.at(first), memberText + "," + separator);
    }

    /** Removes {@code member} from {@code object}, with the comma that separates it from a neighbour. */
    static TextEdit remove(String text, JsonObject object, Member member) {
        List<Member> members = object.members();
        int i = members.indexOf(member);
        if (i + 1 < members.size()) {
            return new TextEdit(
                    Span.of(
                            member.span().start(),
                            members.get(i + 1).key().span().start()),
                    "");
        }
        if (i > 0) {
            return new TextEdit(
                    Span.of(members.get(i - 1).span().end(), member.span().end()), "");
        }
        // The only member: keep the braces and whatever layout is around it.
        int start = member.span().start();
        int end = member.span().end();
        while (end < object.span().end() - 1 && text.charAt(end) != '}' && Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        if (end < text.length() && text.charAt(end) == ',') {
            end++;
        }
        return new TextEdit(Span.of(start, end), "");
    }

    /** The one-character span of the opening brace, where a missing member is reported. */
    static Span openingBrace(JsonObject object) {
        return Span.of(object.span().start(), object.span().start() + 1);
    }
}
