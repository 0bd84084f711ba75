#include "json_reader.h"

namespace ej {

JsonReader::JsonReader(const nlohmann::json& j) : j_(j) {
  if (!j_.is_object()) {
    status_ = Status(ErrorCode::kBadRequest, "Ожидался объект JSON.");
  }
}

const nlohmann::json* JsonReader::Find(std::string_view key, bool required) {
  if (!status_.ok()) return nullptr;
  auto it = j_.find(key);
  if (it == j_.end() || it->is_null()) {
    if (required) Fail(key, "обязательное поле отсутствует");
    return nullptr;
  }
  return &*it;
}

void JsonReader::Fail(std::string_view key, std::string_view what) {
  if (!status_.ok()) return;
  std::string message = "Поле «";
  message += key;
  message += "»: ";
  message += what;
  message += ".";
  status_ = Status(ErrorCode::kBadRequest, std::move(message), std::string(key));
}

JsonReader& JsonReader::String(std::string_view key, std::string* out, bool required) {
  if (const auto* v = Find(key, required)) {
    if (!v->is_string()) {
      Fail(key, "ожидалась строка");
    } else {
      const auto& s = v->get_ref<const std::string&>();
      if (!IsValidUtf8(s)) {
        Fail(key, "недопустимые символы");
      } else {
        *out = s;
      }
    }
  }
  return *this;
}

JsonReader& JsonReader::Int(std::string_view key, int64_t* out, bool required) {
  if (const auto* v = Find(key, required)) {
    if (v->is_number_integer()) {
      *out = v->get<int64_t>();
    } else if (v->is_number_unsigned() && v->get<uint64_t>() <= INT64_MAX) {
      *out = static_cast<int64_t>(v->get<uint64_t>());
    } else {
      Fail(key, "ожидалось целое число");
    }
  }
  return *this;
}

JsonReader& JsonReader::Bool(std::string_view key, bool* out, bool required) {
  if (const auto* v = Find(key, required)) {
    if (!v->is_boolean()) {
      Fail(key, "ожидалось true или false");
    } else {
      *out = v->get<bool>();
    }
  }
  return *this;
}

JsonReader& JsonReader::Number(std::string_view key, double* out, bool required) {
  if (const auto* v = Find(key, required)) {
    if (!v->is_number()) {
      Fail(key, "ожидалось число");
    } else {
      *out = v->get<double>();
    }
  }
  return *this;
}

JsonReader& JsonReader::IntArray(std::string_view key, std::vector<int64_t>* out, bool required) {
  if (const auto* v = Find(key, required)) {
    if (!v->is_array()) {
      Fail(key, "ожидался массив");
      return *this;
    }
    std::vector<int64_t> ids;
    for (const auto& item : *v) {
      if (!item.is_number_integer()) {
        Fail(key, "ожидался список целых чисел");
        return *this;
      }
      ids.push_back(item.get<int64_t>());
    }
    *out = std::move(ids);
  }
  return *this;
}

JsonReader& JsonReader::Object(std::string_view key, const nlohmann::json** out, bool required) {
  if (const auto* v = Find(key, required)) {
    if (!v->is_object()) {
      Fail(key, "ожидался объект");
    } else {
      *out = v;
    }
  }
  return *this;
}

JsonReader& JsonReader::Array(std::string_view key, const nlohmann::json** out, bool required) {
  if (const auto* v = Find(key, required)) {
    if (!v->is_array()) {
      Fail(key, "ожидался массив");
    } else {
      *out = v;
    }
  }
  return *this;
}

JsonReader& JsonReader::IsoDate(std::string_view key, std::optional<ej::Date>* out, bool required) {
  std::string text;
  String(key, &text, required);
  if (!ok()) return *this;
  if (text.empty()) {
    if (required) Fail(key, "обязательное поле пустое");
    return *this;
  }
  auto d = ej::Date::ParseIso(text);
  if (!d) {
    Fail(key, "ожидалась дата ГГГГ-ММ-ДД");
  } else {
    *out = d;
  }
  return *this;
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t extra;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= s.size()) return false;
    for (size_t k = 1; k <= extra; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (char ch : s) {
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace ej
