// Internal to the server: the command line of ejournal-server (serve, demo, user, help).
#pragma once

#include <string>
#include <vector>

namespace ej::server {

// Runs the command line; returns the process exit code (0 ok, 1 failure, 2 bad arguments).
int RunCli(const std::vector<std::string>& args);

}  // namespace ej::server
