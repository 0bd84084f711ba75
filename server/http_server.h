// Internal to the server: the HTTP edge. Owns the httplib server, its tuning (see
// ../shared/STACK.md), static files, and the one wrapper that turns handler results and
// errors into HTTP with one JSON error shape.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "api.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace ej::server {

class HttpServer {
 public:
  struct Options {
    std::string host = "127.0.0.1";
    int port = 8080;  // 0: pick a free port
    std::vector<std::string> static_dirs;  // served at "/", first match wins
    int threads = 64;  // one thread serves one keep-alive connection at a time
    int listen_backlog = 1024;
  };

  HttpServer(ServerContext& ctx, Options options);
  ~HttpServer();

  // Binds the port; false with a message if it cannot.
  Status Bind();
  int port() const { return port_; }
  // Serves until Stop() is called from another thread (or a signal handler thread).
  void Run();
  void Stop();

 private:
  void Install();

  ServerContext& ctx_;
  Options options_;
  std::unique_ptr<httplib::Server> http_;
  int port_ = 0;
  int listen_fd_ = -1;
  // The GET routes by exact path, dispatched before the library's own routing (Install).
  std::unordered_map<std::string, std::function<void(const httplib::Request&, httplib::Response&)>> get_routes_;
};

}  // namespace ej::server
