import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { Customer, UpdateRequest as CustomerChanges } from "../../contracts/schemas/customer-api";

/**
 * The `customers` table, through exactly the three actions the function's role is granted:
 * GetItem, PutItem and UpdateItem.
 */
export class CustomersTable {
    constructor(private readonly client: DynamoDBDocumentClient, private readonly tableName: string) {}

    async get(customerId: string): Promise<Customer | undefined> {
        const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { customer_id: customerId } }));
        return result.Item as Customer | undefined;
    }

    async put(customer: Customer): Promise<Customer> {
        await this.client.send(new PutCommand({ TableName: this.tableName, Item: customer }));
        return customer;
    }

    /** Applies the changes to an existing customer; undefined when there is no such customer. */
    async update(customerId: string, changes: CustomerChanges): Promise<Customer | undefined> {
        const fields = (Object.keys(changes) as (keyof CustomerChanges)[]).filter((field) => changes[field] !== undefined);
        try {
            const result = await this.client.send(new UpdateCommand({
                TableName: this.tableName,
                Key: { customer_id: customerId },
                UpdateExpression: `SET ${fields.map((field) => `#${field} = :${field}`).join(", ")}`,
                ConditionExpression: "attribute_exists(customer_id)",
                ExpressionAttributeNames: Object.fromEntries(fields.map((field) => [`#${field}`, field])),
                ExpressionAttributeValues: Object.fromEntries(fields.map((field) => [`:${field}`, changes[field]])),
                ReturnValues: "ALL_NEW",
            }));
            return result.Attributes as Customer;
        } catch (error) {
            if (error instanceof ConditionalCheckFailedException) return undefined;
            throw error;
        }
    }
}
