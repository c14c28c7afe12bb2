// pygrpc for JavaScript: the objects a script uses (Client, RpcError, StatusCode), over the host
// bridge. Evaluated before the script; it defines them as globals, as require('pygrpc') and as
// the ES module 'pygrpc'. Messages are plain objects with the .proto field names.
(function () {
  'use strict';
  const bridge = Polyglot.import('pygrpc.host');
  if (bridge == null) {
    throw new Error('pygrpc can only be used in a script run by the pygrpc launcher or by a JVM '
        + 'application that embeds pygrpc');
  }
  const views = bridge.views();  // functions over message views (a view has no members)

  const CODE_NAMES = ['OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED',
    'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED',
    'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE',
    'DATA_LOSS', 'UNAUTHENTICATED'];
  /** Status codes as numbers, as grpc-js's `status`: StatusCode.NOT_FOUND === 5. */
  const StatusCode = Object.freeze(Object.fromEntries(CODE_NAMES.map((name, i) => [name, i])));

  /** Metadata as {name: value}; a name sent twice gets an array; -bin values are Uint8Arrays. */
  function metadataObject(pairs) {
    const out = {};
    for (const pair of pairs) {
      const name = pair[0];
      const value = typeof pair[1] === 'string' ? pair[1] : Uint8Array.from(pair[1]);
      out[name] = name in out ? [].concat(out[name], [value]) : value;
    }
    return out;
  }

  /** A call that ended with a non-OK status, with what grpc-js's ServiceError has. */
  class RpcError extends Error {
    constructor(message, codeName, details, info) {
      super(message);
      this.name = 'RpcError';
      this.code = StatusCode[codeName];
      this.codeName = codeName;
      this.details = details;
      Object.defineProperty(this, '_info', {value: info});
    }

    /** The trailers. */
    get metadata() {
      return this._info ? metadataObject(this._info.trailers()) : {};
    }

    /** The response headers, when any arrived. */
    get headers() {
      return this._info ? metadataObject(this._info.headers()) : {};
    }

    /** The google.rpc.Status details the server sent (ErrorInfo, BadRequest, ...). */
    get errorDetails() {
      return this._info ? Array.from(this._info.errorDetails()) : [];
    }
  }

  /** A usage mistake pygrpc reports: `name` says which kind (ValueError, LookupError, ...). */
  class PygrpcError extends Error {}

  const KINDS = {value: 'ValueError', lookup: 'LookupError', not_found: 'ModuleNotFoundError',
    descriptor: 'DescriptorError', permission: 'PermissionError', attribute: 'AttributeError',
    timeout: 'TimeoutError',
    internal: 'InternalError'};

  function makeError(kind, message, codeName, details, info) {
    if (kind === 'rpc') {
      return new RpcError(message, codeName, details, info);
    }
    if (kind === 'type') {
      return new TypeError(message);
    }
    const error = new PygrpcError(message);
    error.name = KINDS[kind] || 'Error';
    error.kind = kind;
    return error;
  }

  /** The responses of a streaming call: an iterator; leaving a for-of early cancels the call. */
  class Responses {
    constructor(stream) {
      this._stream = stream;
      this._open = true;
      // Responses come a batch at a time: all that have arrived, in one host call.
      this._batch = [];
      this._next = 0;
    }

    [Symbol.iterator]() {
      return this;
    }

    next() {
      if (this._next >= this._batch.length) {
        const views = this._stream.take();
        if (views == null) {
          this._open = false;
          return {done: true, value: undefined};
        }
        this._batch = views;
        this._next = 0;
      }
      return {done: false, value: makeMessage(this._batch[this._next++])};
    }

    return() {
      this.cancel();
      return {done: true, value: undefined};
    }

    /** Stops the call; the server sees CANCELLED. Harmless once the stream ended. */
    cancel() {
      if (this._open) {
        this._open = false;
        this._stream.cancel();
      }
    }

    get code() {
      return StatusCode[this._stream.info().code()];
    }

    get details() {
      return this._stream.info().details();
    }

    get headers() {
      return metadataObject(this._stream.info().headers());
    }

    get metadata() {
      return metadataObject(this._stream.info().trailers());
    }
  }

  function callInfo(info) {
    return {
      code: StatusCode[info.code()],
      details: info.details(),
      headers: metadataObject(info.headers()),
      metadata: metadataObject(info.trailers()),
    };
  }

  /** A message as a plain object, from the host's view of it. */
  function makeMessage(view) {
    const names = views.fields(view);
    const values = views.plainValues(view);
    const message = {};
    for (let i = 0; i < names.length; i++) {
      message[names[i]] = values[i];
    }
    return message;
  }

  bridge.install({
    make_error: makeError,
    make_stream: (stream) => new Responses(stream),
    make_message: makeMessage,
    make_bytes: (latin1) => {  // one char per byte
      const bytes = new Uint8Array(latin1.length);
      for (let i = 0; i < latin1.length; i++) {
        bytes[i] = latin1.charCodeAt(i);
      }
      return bytes;
    },
    make_datetime: (seconds, nanos) => new Date(seconds * 1000 + Math.floor(nanos / 1e6)),
    make_timedelta: (seconds, nanos) => ({seconds, nanos}),
    make_list: (items) => Array.from(items),
    make_dict: (keys, values) => {
      const out = {};
      for (let i = 0; i < keys.length; i++) {
        out[keys[i]] = values[i];
      }
      return out;
    },
    make_bigint: (text) => BigInt(text),
    // Up to count of client.map's requests in one call from the host, where reading them one
    // by one took two calls each; what the iterator threw comes after those read before it.
    pull: (iterator, count) => {
      const items = [];
      try {
        while (items.length < count) {
          const step = iterator.next();
          if (step.done) {
            break;
          }
          items.push(step.value);
        }
      } catch (e) {
        return [items, e];
      }
      return [items, null];
    },
  });

  // Client options in JavaScript spelling, and the host's names for them.
  const CHANNEL_OPTIONS = {tls: 'tls', ca: 'ca', cert: 'cert', key: 'key',
    serverName: 'server_name', insecureSkipVerify: 'insecure_skip_verify',
    loadBalancing: 'load_balancing', serviceConfig: 'service_config', retry: 'retry',
    keepaliveTime: 'keepalive_time', keepaliveTimeout: 'keepalive_timeout',
    maxReceiveMessageSize: 'max_receive_message_size',
    maxSendMessageSize: 'max_send_message_size', idleTimeout: 'idle_timeout', token: 'token'};
  const RETRY_OPTIONS = {attempts: 'attempts', initialBackoff: 'initial_backoff',
    maxBackoff: 'max_backoff', multiplier: 'multiplier', codes: 'codes'};
  const CALL_OPTIONS = ['timeout', 'metadata', 'waitForReady', 'compression'];

  function checkKeys(where, options, known) {
    for (const key of Object.keys(options)) {
      if (!known.includes(key)) {
        throw new TypeError(`${where}: unknown option "${key}" (known: ${known.join(', ')})`);
      }
    }
  }

  function buffer(value) {
    // Uint8Array → ArrayBuffer, which the host reads as bytes.
    return ArrayBuffer.isView(value)
        ? value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) : value;
  }

  function pairs(metadata) {
    if (metadata == null) {
      return null;
    }
    const entries = Array.isArray(metadata) ? metadata : Object.entries(metadata);
    const out = [];
    for (const [name, value] of entries) {
      for (const one of Array.isArray(value) ? value : [value]) {
        out.push([name, buffer(one)]);
      }
    }
    return out;
  }

  function callOptions(options) {
    if (options.timeout === undefined && options.metadata === undefined
        && options.waitForReady === undefined && options.compression === undefined) {
      return null;
    }
    return {timeout: options.timeout ?? null, metadata: pairs(options.metadata),
      wait_for_ready: options.waitForReady ?? null, compression: options.compression ?? null};
  }

  function channelOptions(options) {
    let any = false;
    const out = {};
    for (const [js, host] of Object.entries(CHANNEL_OPTIONS)) {
      let value = options[js];
      if (value === undefined || value === null) {
        continue;
      }
      if (js === 'ca' || js === 'cert' || js === 'key') {
        value = buffer(value);
      } else if (js === 'serviceConfig' && typeof value === 'object') {
        value = JSON.stringify(value);
      } else if (js === 'retry' && typeof value === 'object') {
        checkKeys('retry', value, Object.keys(RETRY_OPTIONS));
        value = Object.fromEntries(Object.entries(value).map(([k, v]) => [RETRY_OPTIONS[k], v]));
      }
      out[host] = value;
      any = true;
    }
    return any ? out : null;
  }

  /**
   * A connection to one gRPC server and the schema loaded for it:
   * new Client('localhost', 50051), Client('localhost:50051', {tls: true, ...}), or
   * Client({channel: 'orders'}) for a channel the embedding application made.
   */
  function Client(host, port, options) {
    if (!(this instanceof Client)) {
      return new Client(host, port, options);
    }
    if (typeof host === 'object' && host !== null) {
      options = host;
      host = undefined;
    } else if (typeof port === 'object' && port !== null) {
      options = port;
      port = undefined;
    }
    options = options ?? {};
    checkKeys('Client', options,
        Object.keys(CHANNEL_OPTIONS).concat(CALL_OPTIONS, ['channel']));
    const defaults = callOptions(options);
    if (options.channel !== undefined) {
      if (host !== undefined) {
        throw new TypeError('Client: give a target or {channel}, not both');
      }
      this._binding = bridge.attach(options.channel, pairs(options.metadata), defaults);
      return;
    }
    if (host === undefined) {
      throw new TypeError("Client: missing the target, e.g. new Client('localhost', 50051) or "
          + "new Client('localhost:50051')");
    }
    this._binding = bridge.connect(host, port === undefined ? null : port,
        pairs(options.metadata), defaults, channelOptions(options));
  }

  function report(loaded) {
    // The host appends what it could not load as '!...' entries: warn on stderr.
    const services = [];
    for (const entry of loaded) {
      if (entry.startsWith('!')) {
        console.error('pygrpc: warning: ' + entry.substring(1));
      } else {
        services.push(entry);
      }
    }
    return services;
  }

  Object.defineProperties(Client.prototype, {
    target: {get() { return this._binding.target(); }},
  });

  Object.assign(Client.prototype, {
    /**
     * Loads a schema: a protoc _pb2 module name, a .proto file, or a descriptor set; with no
     * source, the server's reflection service. Returns the service names.
     * Options: {kind: 'pb2' | 'proto' | 'descriptor_set', protoPath: [folders]}.
     */
    load(source, options) {
      if (source === undefined || source === null) {
        return this.reflect();
      }
      options = options ?? {};
      checkKeys('load', options, ['kind', 'protoPath']);
      let protoPath = options.protoPath ?? null;
      if (typeof protoPath === 'string') {
        protoPath = [protoPath];
      }
      return report(this._binding.load(source, options.kind ?? null, bridge.searchPath(),
          protoPath));
    },
    reflect() {
      return report(this._binding.reflect());
    },
    services() {
      return Array.from(this._binding.services());
    },
    methods(service) {
      return Array.from(this._binding.methods(service));
    },
    describe(symbol) {
      return this._binding.describe(symbol);
    },
    /** Builds a message of the named type from an object, checking it, without a call. */
    message(type, fields) {
      return makeMessage(this._binding.message(type, fields ?? {}));
    },
    /**
     * Calls a method by name. The request is an object (or, for client-streaming and bidi
     * methods, an array or a generator of them). Unary and client-streaming calls return the
     * reply; streaming ones an iterator of replies. Options: {timeout (seconds), metadata,
     * waitForReady, compression, withCall} — withCall gives [reply, {code, details, headers,
     * metadata}].
     */
    request(method, request, options) {
      options = options ?? {};
      checkKeys('request', options, CALL_OPTIONS.concat(['withCall']));
      const body = request === undefined ? {} : request;
      const settings = callOptions(options);
      if (options.withCall) {
        const both = this._binding.requestWithCall(method, body, settings);
        return [makeMessage(both[0]), callInfo(both[1])];
      }
      // A reply comes as the host's view (made into an object here), a stream as its iterator.
      const reply = this._binding.request(method, body, settings);
      return reply instanceof Responses ? reply : makeMessage(reply);
    },
    /**
     * Calls a unary method once per request (from an array or a generator, read only as calls
     * start), at most `concurrency` (64) at a time; an iterator of the replies in request
     * order. A failed call throws its RpcError in its turn (the others go on); with
     * {returnErrors: true} the RpcError stands in its place instead.
     */
    map(method, requests, options) {
      options = options ?? {};
      checkKeys('map', options, CALL_OPTIONS.concat(['concurrency', 'returnErrors']));
      const bulk = this._binding.map(method, requests, callOptions(options),
          options.concurrency ?? 64);
      const returnErrors = options.returnErrors === true;
      let open = true;
      // Replies come a batch at a time: all that are ready, in one host call.
      let batch = [];
      let at = 0;
      return {
        [Symbol.iterator]() { return this; },
        next() {
          if (at >= batch.length) {
            let views;
            try {
              views = bulk.take();
            } catch (e) {
              if (returnErrors && e instanceof RpcError) {
                return {done: false, value: e};
              }
              throw e;
            }
            if (views == null) {
              open = false;
              return {done: true, value: undefined};
            }
            batch = views;
            at = 0;
          }
          return {done: false, value: makeMessage(batch[at++])};
        },
        return() {
          if (open) {
            open = false;
            bulk.close();
          }
          return {done: true, value: undefined};
        },
      };
    },
    /**
     * Starts a unary call and returns at once: result(timeout) waits for the reply (throwing
     * the call's RpcError), done(), cancel(); it is a thenable, so `await` works too.
     */
    future(method, request, options) {
      options = options ?? {};
      checkKeys('future', options, CALL_OPTIONS);
      const call = this._binding.future(method, request === undefined ? {} : request,
          callOptions(options));
      return {
        result(timeout) {
          return makeMessage(call.result(timeout ?? null));
        },
        done() {
          return call.done();
        },
        cancel() {
          call.cancel();
          return true;
        },
        then(onReply, onError) {
          try {
            const reply = makeMessage(call.result(null));
            return Promise.resolve(onReply ? onReply(reply) : reply);
          } catch (e) {
            return onError ? Promise.resolve(onError(e)) : Promise.reject(e);
          }
        },
      };
    },
    close() {
      this._binding.close();
    },
    toString() {
      return `Client(${this.target})`;
    },
  });

  const exported = Object.freeze({Client, RpcError, StatusCode, PygrpcError});
  globalThis.Client = Client;
  globalThis.RpcError = RpcError;
  globalThis.StatusCode = StatusCode;
  globalThis.PygrpcError = PygrpcError;
  globalThis.__pygrpc = exported;

  const previousRequire = globalThis.require;
  globalThis.require = function require(name) {
    if (name === 'pygrpc') {
      return exported;
    }
    if (typeof previousRequire === 'function') {
      return previousRequire(name);
    }
    throw new Error(`require('${name}'): only 'pygrpc' can be required here (scripts run in `
        + 'GraalJS, not Node.js)');
  };

  // The bits of Node's process object scripts reach for: argv, env, exit.
  const quit = globalThis.quit;
  delete globalThis.quit;
  delete globalThis.exit;
  globalThis.process = {
    argv: Array.from(bridge.argv()),
    env: Object.fromEntries(Array.from(bridge.environment(), (pair) => [pair[0], pair[1]])),
    exitCode: undefined,
    exit(code) {
      if (typeof quit !== 'function') {
        throw new Error('process.exit is not available to an embedded script');
      }
      quit(code ?? this.exitCode ?? 0);
    },
  };
})();
