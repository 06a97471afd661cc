// The loopback port helpers live with the moto server in tools/ (the bench needs them too; tools never import tests).
export { freePort, waitForPort } from "../../tools/moto/free-port";
