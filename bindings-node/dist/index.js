"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.setLogLevel = exports.version = exports.MockServer = exports.BlinksaleError = exports.APIError = exports.Page = exports.APIPromise = exports.Blinksale = void 0;
// The package's public surface.
const client_1 = require("./client");
var client_2 = require("./client");
Object.defineProperty(exports, "Blinksale", { enumerable: true, get: function () { return client_2.Blinksale; } });
var core_1 = require("./core");
Object.defineProperty(exports, "APIPromise", { enumerable: true, get: function () { return core_1.APIPromise; } });
Object.defineProperty(exports, "Page", { enumerable: true, get: function () { return core_1.Page; } });
var exceptions_1 = require("./exceptions");
Object.defineProperty(exports, "APIError", { enumerable: true, get: function () { return exceptions_1.APIError; } });
Object.defineProperty(exports, "BlinksaleError", { enumerable: true, get: function () { return exceptions_1.BlinksaleError; } });
__exportStar(require("./generated/errors"), exports);
__exportStar(require("./generated/resources"), exports);
var mock_1 = require("./mock");
Object.defineProperty(exports, "MockServer", { enumerable: true, get: function () { return mock_1.MockServer; } });
exports.version = require('../package.json').version;
exports.default = client_1.Blinksale;
/** Writes the core's log lines at `level` and above to stderr ('debug', 'info', 'warn', 'error'; null: off). `BLINKSALE_LOG` sets it at load. */
var native_js_1 = require("../native.js");
Object.defineProperty(exports, "setLogLevel", { enumerable: true, get: function () { return native_js_1.setLogLevel; } });
