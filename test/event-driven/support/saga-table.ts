import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { SAGA_TABLE_PARTITION_KEY, sagaKeys } from "../../../contracts/schemas/order-saga-state";

/** The saga's single table in moto, with helpers to stock SKUs, fund accounts and read rows back. */
export class SagaTable {
    private readonly documents: DynamoDBDocumentClient;

    constructor(endpoint: string, readonly tableName: string) {
        this.documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint }));
    }

    /** Creates the table with the key schema the saga component declares. */
    async create(): Promise<void> {
        await this.documents.send(new CreateTableCommand({
            TableName: this.tableName,
            AttributeDefinitions: [{ AttributeName: SAGA_TABLE_PARTITION_KEY, AttributeType: "S" }],
            KeySchema: [{ AttributeName: SAGA_TABLE_PARTITION_KEY, KeyType: "HASH" }],
            BillingMode: "PAY_PER_REQUEST",
        }));
    }

    async stock(sku: string, available: number): Promise<void> {
        await this.documents.send(new PutCommand({ TableName: this.tableName, Item: { ...sagaKeys.sku(sku), available } }));
    }

    async fund(customerId: string, balance: number): Promise<void> {
        await this.documents.send(new PutCommand({
            TableName: this.tableName, Item: { ...sagaKeys.account(customerId), balance },
        }));
    }

    async available(sku: string): Promise<unknown> {
        return (await this.get(sagaKeys.sku(sku)))?.available;
    }

    async balance(customerId: string): Promise<unknown> {
        return (await this.get(sagaKeys.account(customerId)))?.balance;
    }

    async order(orderId: string): Promise<Record<string, unknown> | undefined> {
        return this.get(sagaKeys.order(orderId));
    }

    private async get(key: { pk: string }): Promise<Record<string, unknown> | undefined> {
        return (await this.documents.send(new GetCommand({ TableName: this.tableName, Key: key }))).Item;
    }
}
