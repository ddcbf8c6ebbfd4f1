#include "winnow/warc/writer.hpp"

#include <zlib.h>

#include "winnow/warc/digest.hpp"

namespace winnow::warc {

std::string format_record(const std::vector<Field>& fields, std::string_view block) {
    std::string out(k_write_version);
    out += "\r\n";
    for (const Field& field : fields) {
        out += field.name;
        out += ": ";
        out += field.value;
        out += "\r\n";
    }
    out += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
    out += block;
    out += "\r\n\r\n";
    return out;
}

std::string gzip_member(std::string_view data) {
    z_stream stream{};
    // 16 + MAX_WBITS: a gzip wrapper; level 6, zlib's default balance of size and speed.
    deflateInit2(&stream, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

std::string conversion_record(const Conversion& conversion) {
    std::vector<Field> fields = {
        {"WARC-Type", "conversion"},
        {"WARC-Target-URI", conversion.target_uri},
        {"WARC-Date", conversion.date},
        {"WARC-Record-ID", conversion.record_id},
    };
    if (!conversion.refers_to.empty()) fields.push_back({"WARC-Refers-To", conversion.refers_to});
    fields.push_back({"WARC-Block-Digest", sha1_digest(conversion.text)});
    fields.push_back({"Content-Type", "text/plain"});
    return format_record(fields, conversion.text);
}

std::string warcinfo_record(std::string_view filename, std::string_view date, std::string_view record_id,
                            std::string_view software) {
    std::vector<Field> fields = {{"WARC-Type", "warcinfo"}, {"WARC-Date", std::string(date)}};
    if (!filename.empty()) fields.push_back({"WARC-Filename", std::string(filename)});
    fields.push_back({"WARC-Record-ID", std::string(record_id)});
    fields.push_back({"Content-Type", "application/warc-fields"});
    std::string block = "software: " + std::string(software) + "\r\n" +
                        "format: WARC File Format 1.0\r\n" +
                        "description: the article text of each page (title, a blank line, the body), one "
                        "conversion record per page\r\n";
    return format_record(fields, block);
}

}  // namespace winnow::warc
