// The ES module 'pygrpc' (import { Client } from 'pygrpc'): the objects pygrpc.js defined.
const pygrpc = globalThis.__pygrpc;
export const Client = pygrpc.Client;
export const RpcError = pygrpc.RpcError;
export const StatusCode = pygrpc.StatusCode;
export const PygrpcError = pygrpc.PygrpcError;
export default pygrpc;
