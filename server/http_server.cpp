#include "http_server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cstdio>

namespace ej::server {
namespace {

void SendError(httplib::Response& res, const Status& status) {
  res.status = protocol::HttpStatus(status.code());
  if (status.retry_after() > 0) res.set_header("Retry-After", std::to_string(status.retry_after()));
  res.set_header("Cache-Control", "no-store");
  res.set_content(protocol::ErrorToJson(status).dump(), "application/json; charset=utf-8");
}

std::string CookieValue(const std::string& header, std::string_view name) {
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string_view part(header.data() + pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    pos = end + 1;
  }
  return {};
}

// The session token from "Authorization: Bearer …" or, in a browser, the session cookie.
void ReadToken(const httplib::Request& req, ApiRequest& out) {
  const auto& auth = req.get_header_value("Authorization");
  if (auth.size() > protocol::kBearerPrefix.size() &&
      std::string_view(auth).substr(0, protocol::kBearerPrefix.size()) == protocol::kBearerPrefix) {
    out.token = auth.substr(protocol::kBearerPrefix.size());
    return;
  }
  if (req.has_header("Cookie")) {
    out.token = CookieValue(req.get_header_value("Cookie"), protocol::kSessionCookie);
    out.token_from_cookie = !out.token.empty();
  }
}

}  // namespace

HttpServer::HttpServer(ServerContext& ctx, Options options)
    : ctx_(ctx), options_(std::move(options)), http_(std::make_unique<httplib::Server>()) {
  Install();
}

HttpServer::~HttpServer() = default;

void HttpServer::Install() {
  auto& http = *http_;
  // Tuning (STACK.md): Nagle off; a pool big enough for keep-alive connections; short idle
  // keep-alive so idle connections free their threads; bounded bodies.
  http.set_tcp_nodelay(true);
  int threads = options_.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  http.set_keep_alive_max_count(1000);
  http.set_keep_alive_timeout(5);
  http.set_read_timeout(10);
  http.set_write_timeout(10);
  http.set_payload_max_length(protocol::kMaxBodyBytes);
  // The library listens with a backlog of 5 and has no setter; remember the socket here and
  // listen again with a real backlog after binding (Linux updates the backlog).
  http.set_socket_options([this](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    listen_fd_ = sock;
  });

  for (const auto& [ext, mime] : std::vector<std::pair<std::string, std::string>>{
           {"wasm", "application/wasm"},
           {"js", "text/javascript; charset=utf-8"},
           {"html", "text/html; charset=utf-8"},
           {"data", "application/octet-stream"},
           {"svg", "image/svg+xml"},
           {"webmanifest", "application/manifest+json"},
           {"ttf", "font/ttf"}}) {
    http.set_file_extension_and_mimetype_mapping(ext, mime);
  }
  for (const auto& dir : options_.static_dirs) {
    if (!http.set_mount_point("/", dir, {{"Cache-Control", "no-cache"}, {"X-Content-Type-Options", "nosniff"}})) {
      std::fprintf(stderr, "Предупреждение: каталог «%s» не найден, его файлы не будут раздаваться.\n",
                   dir.c_str());
    }
  }

  for (const Route& route : Routes()) {
    auto handler = [this, &route](const httplib::Request& req, httplib::Response& res) {
      ApiRequest api;
      api.method = req.method;
      api.path = req.path;
      api.body = req.body;
      for (const auto& [key, value] : req.params) api.query.emplace(key, value);
      api.ip = req.remote_addr;
      api.user_agent = req.get_header_value("User-Agent");
      ReadToken(req, api);
      if (route.access == Access::kSession) {
        if (api.token.empty()) return SendError(res, Status(ErrorCode::kUnauthenticated, "Требуется вход в систему."));
        auto session = ctx_.store.FindLiveSession(Sha256(api.token), ctx_.now());
        if (!session.ok()) return SendError(res, session.status());
        if (!*session) {
          return SendError(res, Status(ErrorCode::kUnauthenticated,
                                       "Сеанс завершён или истёк. Войдите снова."));
        }
        api.session = **session;
      }
      Result<ApiResponse> out = route.handler(ctx_, api);
      if (!out.ok()) return SendError(res, out.status());
      res.status = out->status;
      for (const auto& [name, value] : out->headers) res.set_header(name, value);
      if (!out->content_type.empty()) {
        res.set_content(out->raw, out->content_type.c_str());
      } else {
        // Moved, not copied (set_content copies; a diary is ~25 KB).
        res.body = out->raw_json.empty() ? out->body.dump() : std::move(out->raw_json);
        res.set_header("Content-Type", "application/json; charset=utf-8");
      }
    };
    std::string path(route.path);
    if (route.method == "GET") {
      get_routes_[path] = handler;
      http.Get(path, handler);
    } else if (route.method == "POST") {
      http.Post(path, handler);
    } else if (route.method == "PUT") {
      http.Put(path, handler);
    } else if (route.method == "DELETE") {
      http.Delete(path, handler);
    }
  }

  // GET routes by their exact path before the library's routing, which would first look for
  // a static file of that name (a stat per mount point) and then try every route's regular
  // expression in turn. GET only: a POST's body is read after this point.
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (req.method != "GET") return httplib::Server::HandlerResponse::Unhandled;
    auto it = get_routes_.find(req.path);
    if (it == get_routes_.end()) return httplib::Server::HandlerResponse::Unhandled;
    it->second(req, res);
    return httplib::Server::HandlerResponse::Handled;
  });

  // Anything that ends in an error without a body (unknown route 404, 413, 400 from the
  // parser …) gets the one JSON error shape.
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    ErrorCode code = protocol::ErrorCodeForHttpStatus(res.status);
    int status = res.status;
    std::string message(protocol::DefaultMessage(code));
    if (status == 404) message = "Такого адреса нет.";
    if (status == 413) {
      message = "Слишком большой запрос: не больше " + std::to_string(protocol::kMaxBodyBytes / 1024) +
                " КБ.";
    }
    SendError(res, Status(code, message));
    res.status = status;
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    SendError(res, Status(ErrorCode::kInternal, "Внутренняя ошибка сервера."));
  });
}

Status HttpServer::Bind() {
  if (options_.port == 0) {
    port_ = http_->bind_to_any_port(options_.host);
    if (port_ <= 0) return Status(ErrorCode::kUnavailable, "Не удалось занять свободный порт.");
  } else {
    if (!http_->bind_to_port(options_.host, options_.port)) {
      return Status(ErrorCode::kUnavailable, "Не удалось занять порт " + std::to_string(options_.port) +
                                                 " на " + options_.host + ": он занят или недоступен.");
    }
    port_ = options_.port;
  }
  if (listen_fd_ >= 0) ::listen(listen_fd_, options_.listen_backlog);
  return Status::Ok();
}

void HttpServer::Run() { http_->listen_after_bind(); }

void HttpServer::Stop() { http_->stop(); }

}  // namespace ej::server
